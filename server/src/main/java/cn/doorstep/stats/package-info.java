/**
 * The digital cockpit's (数字驾驶舱) statistics: daily aggregate rows per community (stats_daily) folded from the
 * source modules' public read methods ({@link cn.doorstep.wish.WishStatistics}) when their events say a day changed
 * ({@link cn.doorstep.wish.WishChanged}), by a safety-net job, or by a rebuild; the endpoints sum them by scope and
 * period. Never reads another module's tables. Owns tables {@code stats_daily}, {@code stats_fold}; no Redis keys.
 */
package cn.doorstep.stats;
