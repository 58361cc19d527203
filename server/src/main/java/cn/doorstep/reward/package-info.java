/**
 * Rewards (积分兑实物、积分兑服务): the catalogue per community and station that community admins keep,
 * redemptions that spend points through {@link cn.doorstep.points.PointsService}, cancellation and
 * expiry that give points and stock back once, and the hand-over (核销) by the station's staff.
 * Contributes the stock check to the points consistency report. Owns tables {@code reward},
 * {@code reward_stock_in}, {@code reward_holder}, {@code redemption}; Redis keys
 * {@code reward:{<id>}:stock} (the braces are literal: the Redis Cluster hash tag the reward's keys share; the stock gate in front of MySQL's guarded update; reloaded from MySQL when
 * missing), {@code reward:{<id>}:gen} (bumped by give-backs that found no count, so a reload racing them
 * stores nothing stale), {@code reward:{<id>}:requests} (the users' Idempotency-Keys that reserved, a
 * day, so a retry of a redemption that went through is not answered "sold out") and {@code reward:gates} (the rewards whose count is loaded, which the
 * reconciliation compares with MySQL every half minute).
 */
package cn.doorstep.reward;
