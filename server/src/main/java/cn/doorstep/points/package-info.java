/**
 * Volunteer points (服务换积分): accounts, the append-only ledger, the lots that expire, per-community
 * earning rules with caps, and the spending other features (rewards) do through {@link
 * cn.doorstep.points.PointsService}. Earns from {@code RiderCheckedIn}, {@code ReportResolved} and from the wish and booking
 * features' calls. Owns tables {@code points_account}, {@code points_ledger}, {@code points_lot},
 * {@code points_lot_use}, {@code points_rule}, {@code points_tally}; Redis keys {@code points:rank:{<community>:<year>}} (leaderboards)
 * with its {@code :fresh} and {@code :build:*} (one hash tag, so the swap's RENAME stays in one Redis
 * Cluster slot). Every change of points runs READ COMMITTED through {@code common.Transactions}.
 */
package cn.doorstep.points;
