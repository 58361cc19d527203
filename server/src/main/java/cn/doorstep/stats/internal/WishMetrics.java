package cn.doorstep.stats.internal;

import cn.doorstep.wish.WishDayFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The wish family's metrics, and the rows one day's {@link WishDayFacts} become. All but {@code wish.confirmed}
 * are about the wishes posted on the row's day (a cohort); {@code wish.confirmed} counts confirmations made that day.
 */
public final class WishMetrics {

    public static final String FAMILY = "wish";
    public static final String POSTED = "wish.posted";
    /** dimension: the wish's current status */
    public static final String STATUS = "wish.status";
    /** dimension: the category */
    public static final String CATEGORY = "wish.category";
    /** dimension: a {@link Durations} bucket of minutes from publication to the current claim */
    public static final String CLAIM_MINUTES = "wish.claim_min";
    /** dimension: a {@link Durations} bucket of minutes from publication to confirmation */
    public static final String CONFIRM_MINUTES = "wish.confirm_min";
    public static final String RATING_SUM = "wish.rating_sum";
    public static final String RATED = "wish.rated";
    /** wishes confirmed on the day, whenever posted */
    public static final String CONFIRMED = "wish.confirmed";

    private WishMetrics() {
    }

    /** The non-zero rows of one community's day. */
    public static List<StatsRow> rows(WishDayFacts f) {
        var rows = new ArrayList<StatsRow>();
        long posted = f.byStatus().values().stream().mapToLong(Long::longValue).sum();
        add(rows, f, POSTED, "", posted);
        f.byStatus().forEach((status, n) -> add(rows, f, STATUS, status.name(), n));
        f.byCategory().forEach((category, n) -> add(rows, f, CATEGORY, category.name(), n));
        histogram(f.minutesToClaim()).forEach((bucket, n) -> add(rows, f, CLAIM_MINUTES, String.valueOf(bucket), n));
        histogram(f.minutesToConfirm()).forEach((bucket, n) -> add(rows, f, CONFIRM_MINUTES, String.valueOf(bucket), n));
        add(rows, f, RATING_SUM, "", f.ratingSum());
        add(rows, f, RATED, "", f.rated());
        add(rows, f, CONFIRMED, "", f.confirmed());
        return rows;
    }

    private static Map<Long, Long> histogram(List<Long> minutes) {
        var histogram = new TreeMap<Long, Long>();
        minutes.forEach(m -> histogram.merge(Durations.bucket(m), 1L, Long::sum));
        return histogram;
    }

    private static void add(List<StatsRow> rows, WishDayFacts f, String metric, String dimension, long value) {
        if (value != 0) {
            rows.add(new StatsRow(metric, f.communityId(), f.day(), 0, dimension, value));
        }
    }
}
