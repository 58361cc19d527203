package cn.doorstep.report;

import java.util.List;
import java.time.LocalDate;
import java.util.Map;

/**
 * One community's report figures for one China-time day, as the report table has them now ({@link ReportStatistics}).
 * All but {@code resolvedThatDay} are about the reports filed that day (merged duplicates apart, as the weekly
 * rankings leave them out), whatever happened to them since.
 *
 * @param byStatus          the day's reports by their current status (MERGED never; absent: none)
 * @param merged            the day's reports merged into another (duplicates)
 * @param byCategory        the day's reports by category
 * @param minutesToAccept   for each one taken up (accepted, routed, summoned or resolved: the rankings' "taken up"),
 *                          whole minutes from filing to that
 * @param minutesToResolve  for each one resolved or closed, whole minutes from filing to that
 * @param resolved          how many are resolved or closed
 * @param overdue           how many were open and past their deadline when read (the grid's and the escalation's
 *                          rule: {@code ReportBook.overdue})
 * @param escalated         how many were escalated at least once (past a deadline)
 * @param rated             how many their reporter rated
 * @param satisfied         how many of those were rated satisfied
 * @param assignedByDepartment  per department, how many of them were routed or summoned to it
 * @param resolvedByDepartment  per department, how many of them it resolved
 * @param resolvedThatDay   reports of the community (any filing day, merged apart) resolved that day
 */
public record ReportDayFacts(long communityId, LocalDate day, Map<ReportStatus, Long> byStatus, long merged,
                             Map<ReportCategory, Long> byCategory, List<Long> minutesToAccept,
                             List<Long> minutesToResolve, long resolved, long overdue, long escalated, long rated,
                             long satisfied, Map<Long, Long> assignedByDepartment, Map<Long, Long> resolvedByDepartment,
                             long resolvedThatDay) {

    public ReportDayFacts {
        byStatus = Map.copyOf(byStatus);
        byCategory = Map.copyOf(byCategory);
        minutesToAccept = List.copyOf(minutesToAccept);
        minutesToResolve = List.copyOf(minutesToResolve);
        assignedByDepartment = Map.copyOf(assignedByDepartment);
        resolvedByDepartment = Map.copyOf(resolvedByDepartment);
    }
}
