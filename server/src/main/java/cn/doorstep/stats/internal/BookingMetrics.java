package cn.doorstep.stats.internal;

import cn.doorstep.booking.BookingDayFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The booking family's metrics: bookings of slots on the row's day (the slot's China day, whenever booked) by
 * their current status.
 */
public final class BookingMetrics {

    public static final String FAMILY = "booking";
    /** station: the slot's; dimension: {@code STATUS:s<serviceId>} or {@code STATUS:a<activityId>} */
    public static final String STATUS = "booking.status";
    /** station 0; dimension: the status (the daily figures without reading every station's rows) */
    public static final String DAY = "booking.day";

    private BookingMetrics() {
    }

    public static List<StatsRow> rows(BookingDayFacts f) {
        var rows = new ArrayList<StatsRow>();
        Map<String, Long> byStatus = new TreeMap<>();
        for (BookingDayFacts.Count c : f.counts()) {
            String what = c.serviceId() != null ? "s" + c.serviceId() : "a" + c.activityId();
            rows.add(new StatsRow(STATUS, f.communityId(), f.day(), c.stationId(), c.status().name() + ":" + what, c.count()));
            byStatus.merge(c.status().name(), c.count(), Long::sum);
        }
        byStatus.forEach((status, n) -> rows.add(new StatsRow(DAY, f.communityId(), f.day(), 0, status, n)));
        return rows;
    }
}
