package cn.doorstep.stats.internal;

import cn.doorstep.party.PartyDayFacts;
import java.util.ArrayList;
import java.util.List;

/**
 * The party family's metrics (双报到), every one with the unit's id as its dimension: registrations confirmed on
 * the row's day in the community (the member's home community), and the service recorded for the unit from the
 * community's wishes confirmed that day (the unit service report's rows).
 */
public final class PartyMetrics {

    public static final String FAMILY = "party";
    /** registrations confirmed that day */
    public static final String MEMBERS = "party.members";
    /** confirmed wishes the unit's members fulfilled */
    public static final String WISHES = "party.wishes";
    /** the hours they reported, in tenths */
    public static final String HOURS_TENTHS = "party.hours_tenths";
    public static final String RATING_SUM = "party.rating_sum";
    public static final String RATED = "party.rated";

    private PartyMetrics() {
    }

    /** The non-zero rows of one community's day. */
    public static List<StatsRow> rows(PartyDayFacts f) {
        var rows = new ArrayList<StatsRow>();
        f.confirmedByUnit().forEach((unit, n) -> add(rows, f, MEMBERS, unit, n));
        for (PartyDayFacts.UnitService s : f.services()) {
            add(rows, f, WISHES, s.unitId(), s.wishes());
            add(rows, f, HOURS_TENTHS, s.unitId(), s.hoursTenths());
            add(rows, f, RATING_SUM, s.unitId(), s.ratingSum());
            add(rows, f, RATED, s.unitId(), s.rated());
        }
        return rows;
    }

    private static void add(List<StatsRow> rows, PartyDayFacts f, String metric, long unit, long value) {
        if (value != 0) {
            rows.add(new StatsRow(metric, f.communityId(), f.day(), 0, String.valueOf(unit), value));
        }
    }
}
