package cn.doorstep.stats.internal;

import cn.doorstep.party.PartyStatistics.UnitDay;
import java.util.ArrayList;
import java.util.List;

/**
 * The party family's metrics: services (confirmed wishes of party members credited to their unit) by the China day of
 * confirmation; dimension: the unit's id.
 */
public final class PartyMetrics {

    public static final String FAMILY = "party";
    public static final String SERVICES = "party.services";
    /** tenths of an hour */
    public static final String HOURS = "party.hours_tenths";
    public static final String RATING_SUM = "party.rating_sum";
    public static final String RATED = "party.rated";

    private PartyMetrics() {
    }

    public static List<StatsRow> rows(long communityId, List<UnitDay> days) {
        var rows = new ArrayList<StatsRow>();
        for (UnitDay d : days) {
            add(rows, SERVICES, communityId, d, d.services());
            add(rows, HOURS, communityId, d, d.hoursTenths());
            add(rows, RATING_SUM, communityId, d, d.ratingSum());
            add(rows, RATED, communityId, d, d.rated());
        }
        return rows;
    }

    private static void add(List<StatsRow> rows, String metric, long communityId, UnitDay d, long value) {
        if (value != 0) {
            rows.add(new StatsRow(metric, communityId, d.day(), 0, String.valueOf(d.unitId()), value));
        }
    }
}
