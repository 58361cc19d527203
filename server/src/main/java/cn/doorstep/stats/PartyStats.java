package cn.doorstep.stats;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * 双报到 of a scope and period (statistics.md defines every figure): the confirmed in-service party members by unit,
 * and each unit's service in the scope by month (the unit service report's 考核评价 figures).
 *
 * @param members    registrations confirmed with the scope's communities up to {@code to}, every unit
 * @param newMembers of those, confirmed in the period
 * @param service    the service of every unit in the period
 * @param units      per unit with members or service in the scope, by unit id
 */
public record PartyStats(StatsScope scope, LocalDate from, LocalDate to, long members, long newMembers,
                         ServiceFigures service, List<UnitFigures> units) {

    /**
     * @param wishesFulfilled confirmed wishes of the scope's communities that the unit's confirmed members fulfilled
     * @param hours           the hours they reported for them, 1 place
     * @param averageRating   the mean of those wishes' 1-5 ratings (rated ones), 1 place; null when none
     */
    public record ServiceFigures(long wishesFulfilled, BigDecimal hours, BigDecimal averageRating) {
    }

    /** @param unitName null for a unit that no longer exists */
    public record UnitFigures(long unitId, String unitName, long members, long newMembers, ServiceFigures service,
                              List<UnitMonth> months) {
    }

    /** @param month {@code yyyy-MM}: the period's days in that month (every month the period touches, zeros too) */
    public record UnitMonth(String month, ServiceFigures service) {
    }
}
