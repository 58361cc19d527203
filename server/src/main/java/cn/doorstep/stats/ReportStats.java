package cn.doorstep.stats;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Reports (诉求/随手拍) filed in a scope and period, as they stand now (statistics.md defines every figure).
 *
 * @param filed                  reports filed in the period, merged duplicates apart
 * @param merged                 reports filed in the period merged into another
 * @param byStatus               the filed ones by current status, every status but MERGED, in the loop's order
 * @param byCategory             by category, all ten, most first
 * @param byDepartment           per department they were routed or summoned to, by department id
 * @param medianMinutesToAccept  from filing to being taken up (bucketed as wishes' medians); null when none
 * @param medianMinutesToResolve from filing to being resolved or closed; null when none
 * @param resolved               of the filed ones, resolved or closed
 * @param resolutionRate         办结率 resolved / filed, 4 places; null when none filed
 * @param overdue                of the filed ones, open and past their deadline (as last folded)
 * @param escalated              of the filed ones, escalated at least once
 * @param satisfactionRate       satisfied / rated, 4 places; null when none rated
 * @param daily                  per day: filed that day, resolved that day (whenever filed)
 */
public record ReportStats(StatsScope scope, LocalDate from, LocalDate to, long filed, long merged,
                          Map<String, Long> byStatus, List<ReportCategoryCount> byCategory,
                          List<DepartmentReports> byDepartment, Long medianMinutesToAccept, Long medianMinutesToResolve,
                          long resolved, BigDecimal resolutionRate, long overdue, long escalated, long rated,
                          long satisfied, BigDecimal satisfactionRate, List<ReportDay> daily) {

    public record ReportCategoryCount(String category, long count) {
    }

    /**
     * @param departmentName null for a department since removed
     * @param assigned       the period's reports routed or summoned to it
     * @param resolved       the period's reports it resolved
     */
    public record DepartmentReports(long departmentId, String departmentName, long assigned, long resolved) {
    }

    public record ReportDay(LocalDate date, long filed, long resolved) {
    }
}
