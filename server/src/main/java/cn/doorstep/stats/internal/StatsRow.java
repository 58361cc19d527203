package cn.doorstep.stats.internal;

import java.time.LocalDate;

/** One stats_daily row: a metric's value for a community's day (station 0 and dimension '' when none). */
public record StatsRow(String metric, long communityId, LocalDate day, long stationId, String dimension, long value) {
}
