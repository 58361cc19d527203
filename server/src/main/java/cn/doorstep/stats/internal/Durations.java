package cn.doorstep.stats.internal;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Durations kept as per-day histograms in fixed buckets of whole minutes, so a median over any days and scope is
 * a sum of rows. A bucket is named by its lower bound; a median is the lower bound of the bucket holding the
 * lower middle value, so it is never more than one bucket width below the exact median of whole minutes:
 * <ul>
 * <li>exact to the minute below 2 hours,</li>
 * <li>5-minute buckets below 12 hours, 30-minute buckets below 3 days, 2-hour buckets below 30 days,</li>
 * <li>1-day buckets beyond (a relative error under 4% everywhere past the first two hours).</li>
 * </ul>
 */
public final class Durations {

    private static final long[][] STEPS = { // {below, width} in minutes
            {120, 1}, {720, 5}, {3 * 1440, 30}, {30 * 1440, 120}, {Long.MAX_VALUE, 1440}};

    private Durations() {
    }

    /** The lower bound of the bucket holding {@code minutes} (negative counts as 0). */
    public static long bucket(long minutes) {
        long m = Math.max(0, minutes);
        long base = 0;
        for (long[] step : STEPS) {
            if (m < step[0]) {
                return base + (m - base) / step[1] * step[1];
            }
            base = step[0];
        }
        throw new IllegalStateException("unreachable");
    }

    /** The median of a histogram (bucket lower bound to count): the bucket of the lower middle value; null if empty. */
    public static Long median(Map<Long, Long> histogram) {
        NavigableMap<Long, Long> sorted = new TreeMap<>(histogram);
        long total = sorted.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return null;
        }
        long wanted = (total + 1) / 2; // the lower middle of an even count
        long seen = 0;
        for (var e : sorted.entrySet()) {
            seen += e.getValue();
            if (seen >= wanted) {
                return e.getKey();
            }
        }
        return sorted.lastKey();
    }
}
