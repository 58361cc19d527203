package cn.doorstep.stats.internal;

import cn.doorstep.rider.RiderDayFacts;
import java.util.ArrayList;
import java.util.List;

/**
 * The rider family's metrics. {@code rider.statements} counts the points statements (双积分 证明) issued to the
 * community's members that day (the points module's figure, folded with the riders' for the riders' page).
 */
public final class RiderMetrics {

    public static final String FAMILY = "rider";
    /** station: where; the counted check-ins (one per rider, station and China day) */
    public static final String CHECKINS = "rider.checkins";
    public static final String REGISTERED = "rider.registered";
    public static final String VERIFIED = "rider.verified";
    public static final String STATEMENTS = "rider.statements";

    private RiderMetrics() {
    }

    public static List<StatsRow> rows(RiderDayFacts f, long statements) {
        var rows = new ArrayList<StatsRow>();
        f.checkinsByStation().forEach((station, n) -> add(rows, CHECKINS, f, station, n));
        add(rows, REGISTERED, f, 0, f.registered());
        add(rows, VERIFIED, f, 0, f.verified());
        add(rows, STATEMENTS, f, 0, statements);
        return rows;
    }

    private static void add(List<StatsRow> rows, String metric, RiderDayFacts f, long station, long value) {
        if (value != 0) {
            rows.add(new StatsRow(metric, f.communityId(), f.day(), station, "", value));
        }
    }
}
