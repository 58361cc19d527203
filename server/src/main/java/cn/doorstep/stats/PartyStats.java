package cn.doorstep.stats;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * 双报到 of a scope: confirmed in-service party members by unit (now), and each unit's services by month of the
 * period — the 考核评价 table (statistics.md defines every figure).
 */
public record PartyStats(StatsScope scope, LocalDate from, LocalDate to, long confirmedMembers,
                         List<UnitMembers> membersByUnit, List<UnitMonth> servicesByUnitAndMonth) {

    public record UnitMembers(long unitId, String unitName, long confirmedMembers) {
    }

    /**
     * @param month         China-time month of the confirmations, e.g. 2026-12 (only the period's days of it)
     * @param services      confirmed wishes the unit's members fulfilled in the scope
     * @param hours         hours they reported, one decimal
     * @param averageRating mean rating of the rated ones, 2 places; null when none
     */
    public record UnitMonth(long unitId, String unitName, String month, long services, BigDecimal hours,
                            BigDecimal averageRating) {
    }
}
