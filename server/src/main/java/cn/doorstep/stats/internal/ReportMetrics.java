package cn.doorstep.stats.internal;

import cn.doorstep.report.ReportDayFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report family's metrics (诉求/随手拍), and the rows one day's {@link ReportDayFacts} become. All but
 * {@code report.resolved_on} are about the reports filed on the row's day (a cohort, merged duplicates apart).
 */
public final class ReportMetrics {

    public static final String FAMILY = "report";
    public static final String FILED = "report.filed";
    public static final String MERGED = "report.merged";
    /** dimension: the current status */
    public static final String STATUS = "report.status";
    /** dimension: the category */
    public static final String CATEGORY = "report.category";
    /** dimension: a {@link Durations} bucket of minutes from filing to being taken up */
    public static final String ACCEPT_MINUTES = "report.accept_min";
    /** dimension: a {@link Durations} bucket of minutes from filing to being resolved (or closed) */
    public static final String RESOLVE_MINUTES = "report.resolve_min";
    public static final String RESOLVED = "report.resolved";
    public static final String OVERDUE = "report.overdue";
    public static final String ESCALATED = "report.escalated";
    public static final String RATED = "report.rated";
    public static final String SATISFIED = "report.satisfied";
    /** dimension: the department's id */
    public static final String DEPARTMENT_ASSIGNED = "report.dept_assigned";
    /** dimension: the department's id */
    public static final String DEPARTMENT_RESOLVED = "report.dept_resolved";
    /** reports resolved on the day, whenever filed */
    public static final String RESOLVED_ON = "report.resolved_on";

    private ReportMetrics() {
    }

    /** The non-zero rows of one community's day. */
    public static List<StatsRow> rows(ReportDayFacts f) {
        var rows = new ArrayList<StatsRow>();
        add(rows, f, FILED, "", f.byStatus().values().stream().mapToLong(Long::longValue).sum());
        add(rows, f, MERGED, "", f.merged());
        f.byStatus().forEach((status, n) -> add(rows, f, STATUS, status.name(), n));
        f.byCategory().forEach((category, n) -> add(rows, f, CATEGORY, category.name(), n));
        histogram(f.minutesToAccept()).forEach((bucket, n) -> add(rows, f, ACCEPT_MINUTES, String.valueOf(bucket), n));
        histogram(f.minutesToResolve()).forEach((bucket, n) -> add(rows, f, RESOLVE_MINUTES, String.valueOf(bucket), n));
        add(rows, f, RESOLVED, "", f.resolved());
        add(rows, f, OVERDUE, "", f.overdue());
        add(rows, f, ESCALATED, "", f.escalated());
        add(rows, f, RATED, "", f.rated());
        add(rows, f, SATISFIED, "", f.satisfied());
        f.assignedByDepartment().forEach((d, n) -> add(rows, f, DEPARTMENT_ASSIGNED, String.valueOf(d), n));
        f.resolvedByDepartment().forEach((d, n) -> add(rows, f, DEPARTMENT_RESOLVED, String.valueOf(d), n));
        add(rows, f, RESOLVED_ON, "", f.resolvedThatDay());
        return rows;
    }

    private static Map<Long, Long> histogram(List<Long> minutes) {
        var histogram = new TreeMap<Long, Long>();
        minutes.forEach(m -> histogram.merge(Durations.bucket(m), 1L, Long::sum));
        return histogram;
    }

    private static void add(List<StatsRow> rows, ReportDayFacts f, String metric, String dimension, long value) {
        if (value != 0) {
            rows.add(new StatsRow(metric, f.communityId(), f.day(), 0, dimension, value));
        }
    }
}
