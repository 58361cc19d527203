package cn.doorstep.stats;

import cn.doorstep.report.ReportCategory;
import cn.doorstep.report.ReportStatistics;
import cn.doorstep.report.ReportStatus;
import cn.doorstep.stats.internal.Durations;
import cn.doorstep.stats.internal.ReportMetrics;
import cn.doorstep.stats.internal.StatsDailyMapper;
import cn.doorstep.stats.internal.StatsDailyMapper.DaySum;
import cn.doorstep.stats.internal.StatsDailyMapper.Sum;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Report statistics of a scope and period, summed from stats_daily (two statements and the departments' names). */
@Service
@Transactional(readOnly = true)
class ReportStatsQuery {

    private static final List<String> SUMS = List.of(ReportMetrics.MERGED, ReportMetrics.STATUS, ReportMetrics.CATEGORY,
            ReportMetrics.ACCEPT_MINUTES, ReportMetrics.RESOLVE_MINUTES, ReportMetrics.RESOLVED, ReportMetrics.OVERDUE,
            ReportMetrics.ESCALATED, ReportMetrics.RATED, ReportMetrics.SATISFIED, ReportMetrics.DEPARTMENT_ASSIGNED,
            ReportMetrics.DEPARTMENT_RESOLVED);

    private final StatsDailyMapper daily;
    private final ReportStatistics reports;

    ReportStatsQuery(StatsDailyMapper daily, ReportStatistics reports) {
        this.daily = daily;
        this.reports = reports;
    }

    ReportStats of(StatsScope scope, StatsPeriod period) {
        boolean empty = !scope.city() && scope.communityIds().isEmpty();
        List<Sum> sums = empty ? List.of() : daily.sums(SUMS, scope.communityIds(), period.from(), period.to());
        List<DaySum> days = empty ? List.of() : daily.daySums(List.of(ReportMetrics.FILED, ReportMetrics.RESOLVED_ON),
                scope.communityIds(), period.from(), period.to());

        Map<String, Long> byStatus = new LinkedHashMap<>();
        Arrays.stream(ReportStatus.values()).filter(s -> s != ReportStatus.MERGED).forEach(s -> byStatus.put(s.name(), 0L));
        Map<String, Long> byCategory = new HashMap<>();
        Map<Long, Long> toAccept = new HashMap<>();
        Map<Long, Long> toResolve = new HashMap<>();
        Map<Long, long[]> departments = new TreeMap<>();
        Map<String, Long> plain = new HashMap<>();
        for (Sum s : sums) {
            switch (s.metric()) {
                case ReportMetrics.STATUS -> byStatus.merge(s.dimension(), s.total(), Long::sum);
                case ReportMetrics.CATEGORY -> byCategory.merge(s.dimension(), s.total(), Long::sum);
                case ReportMetrics.ACCEPT_MINUTES -> toAccept.merge(Long.parseLong(s.dimension()), s.total(), Long::sum);
                case ReportMetrics.RESOLVE_MINUTES -> toResolve.merge(Long.parseLong(s.dimension()), s.total(), Long::sum);
                case ReportMetrics.DEPARTMENT_ASSIGNED ->
                        departments.computeIfAbsent(Long.parseLong(s.dimension()), k -> new long[2])[0] += s.total();
                case ReportMetrics.DEPARTMENT_RESOLVED ->
                        departments.computeIfAbsent(Long.parseLong(s.dimension()), k -> new long[2])[1] += s.total();
                default -> plain.merge(s.metric(), s.total(), Long::sum);
            }
        }
        long filed = byStatus.values().stream().mapToLong(Long::longValue).sum();
        List<ReportStats.ReportCategoryCount> categories = new ArrayList<>();
        Arrays.stream(ReportCategory.values()).forEach(c -> categories.add(
                new ReportStats.ReportCategoryCount(c.name(), byCategory.getOrDefault(c.name(), 0L))));
        categories.sort(Comparator.comparingLong(ReportStats.ReportCategoryCount::count).reversed()); // stable on ties
        Map<Long, String> names = reports.departmentNames(departments.keySet());
        List<ReportStats.DepartmentReports> departmentRows = new ArrayList<>();
        departments.forEach((id, v) -> departmentRows.add(new ReportStats.DepartmentReports(id, names.get(id), v[0], v[1])));

        Map<LocalDate, long[]> perDay = new HashMap<>();
        for (DaySum d : days) {
            perDay.computeIfAbsent(d.day(), k -> new long[2])[ReportMetrics.FILED.equals(d.metric()) ? 0 : 1] += d.total();
        }
        List<ReportStats.ReportDay> dailyRows = new ArrayList<>();
        for (LocalDate d = period.from(); !d.isAfter(period.to()); d = d.plusDays(1)) {
            long[] v = perDay.getOrDefault(d, new long[2]);
            dailyRows.add(new ReportStats.ReportDay(d, v[0], v[1]));
        }
        long resolved = plain.getOrDefault(ReportMetrics.RESOLVED, 0L);
        long rated = plain.getOrDefault(ReportMetrics.RATED, 0L);
        long satisfied = plain.getOrDefault(ReportMetrics.SATISFIED, 0L);
        return new ReportStats(scope, period.from(), period.to(), filed, plain.getOrDefault(ReportMetrics.MERGED, 0L),
                byStatus, categories, departmentRows, Durations.median(toAccept), Durations.median(toResolve), resolved,
                ratio(resolved, filed), plain.getOrDefault(ReportMetrics.OVERDUE, 0L),
                plain.getOrDefault(ReportMetrics.ESCALATED, 0L), rated, satisfied, ratio(satisfied, rated), dailyRows);
    }

    private static BigDecimal ratio(long part, long whole) {
        return whole <= 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
