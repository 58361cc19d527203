package cn.doorstep.party;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One community's party figures of one China-time day, as the party tables have them now ({@link PartyStatistics}).
 *
 * @param confirmedByUnit registrations with this community confirmed that day, by the member's unit (absent: none)
 * @param services        per unit, the service recorded for it from wishes of this community confirmed that day
 *                        (the unit service report's rows: {@link UnitServiceReports})
 */
public record PartyDayFacts(long communityId, LocalDate day, Map<Long, Long> confirmedByUnit, List<UnitService> services) {

    public PartyDayFacts {
        confirmedByUnit = Map.copyOf(confirmedByUnit);
        services = List.copyOf(services);
    }

    /**
     * @param wishes      confirmed wishes its members fulfilled
     * @param hoursTenths the hours they reported, in tenths of an hour (hours are kept to one place)
     * @param ratingSum   the sum of the ratings those wishes were given
     * @param rated       how many were rated
     */
    public record UnitService(long unitId, long wishes, long hoursTenths, long ratingSum, long rated) {
    }
}
