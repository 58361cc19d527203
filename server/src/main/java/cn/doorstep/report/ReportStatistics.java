package cn.doorstep.report;

import cn.doorstep.common.Zones;
import cn.doorstep.report.internal.Department;
import cn.doorstep.report.internal.DepartmentMapper;
import cn.doorstep.report.internal.Report;
import cn.doorstep.report.internal.ReportBook;
import cn.doorstep.report.internal.ReportStatisticsMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The report figures of a community's days, read from the report tables as they are now, for the cockpit's
 * statistics (which ask again on {@link ReportFiled} and {@link ReportChanged}). Three index range reads per call,
 * whatever the number of days. "Taken up" and "resolved" are the weekly rankings' (report/ranking): the first of
 * accepted, routed, summoned, resolved; the first of resolved, closed.
 */
@Service
@Transactional(readOnly = true)
public class ReportStatistics {

    private final ReportStatisticsMapper reports;
    private final DepartmentMapper departments;
    private final Clock clock;

    ReportStatistics(ReportStatisticsMapper reports, DepartmentMapper departments, Clock clock) {
        this.reports = reports;
        this.departments = departments;
        this.clock = clock;
    }

    /** One fact record per day from {@code from} to {@code to} (China time, both included), empty days too. */
    public List<ReportDayFacts> dailyFacts(long communityId, LocalDate from, LocalDate to) {
        Instant start = Zones.startOf(from);
        Instant until = Zones.endOf(to);
        Instant now = clock.instant();
        Map<LocalDate, Day> days = new TreeMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.put(d, new Day());
        }
        for (Report r : reports.selectFiled(communityId, start, until)) {
            Day day = days.get(dayOf(r.getCreatedAt()));
            ReportStatus status = ReportStatus.valueOf(r.getStatus());
            if (status == ReportStatus.MERGED) {
                day.merged++;
                continue;
            }
            day.byStatus.merge(status, 1L, Long::sum);
            day.byCategory.merge(ReportCategory.valueOf(r.getCategory()), 1L, Long::sum);
            Instant takenUp = first(r.getAcceptedAt(), r.getRoutedAt(), r.getSummonedAt(), r.getResolvedAt());
            if (takenUp != null) {
                day.toAccept.add(minutes(r.getCreatedAt(), takenUp));
            }
            Instant done = first(r.getResolvedAt(), r.getClosedAt());
            if (done != null) {
                day.toResolve.add(minutes(r.getCreatedAt(), done));
                day.resolved++;
            }
            if (ReportBook.overdue(r, now)) {
                day.overdue++;
            }
            if (r.getEscalatedAt() != null) {
                day.escalated++;
            }
            if (r.getRatedAt() != null && r.getSatisfied() != null) {
                day.rated++;
                day.satisfied += r.getSatisfied() ? 1 : 0;
            }
            if (r.getResolvedDepartmentId() != null) {
                day.resolvedBy.merge(r.getResolvedDepartmentId(), 1L, Long::sum);
            }
        }
        for (var a : reports.selectAssigned(communityId, start, until)) {
            days.get(dayOf(a.createdAt())).assigned.merge(a.departmentId(), 1L, Long::sum);
        }
        for (Instant resolvedAt : reports.selectResolvedAt(communityId, start, until)) {
            days.get(dayOf(resolvedAt)).resolvedThatDay++;
        }
        var out = new ArrayList<ReportDayFacts>();
        days.forEach((d, v) -> out.add(new ReportDayFacts(communityId, d, v.byStatus, v.merged, v.byCategory, v.toAccept,
                v.toResolve, v.resolved, v.overdue, v.escalated, v.rated, v.satisfied, v.assigned, v.resolvedBy,
                v.resolvedThatDay)));
        return out;
    }

    /** The names of these departments (those that exist, active or not). */
    public Map<Long, String> departmentNames(Collection<Long> ids) {
        return ids.isEmpty() ? Map.of() : departments.selectByIds(ids).stream()
                .collect(Collectors.toMap(Department::getId, Department::getName));
    }

    private static Instant first(Instant... times) {
        return Stream.of(times).filter(t -> t != null).findFirst().orElse(null);
    }

    private static LocalDate dayOf(Instant at) {
        return LocalDate.ofInstant(at, Zones.CHINA);
    }

    private static long minutes(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toMinutes());
    }

    private static final class Day {
        final Map<ReportStatus, Long> byStatus = new EnumMap<>(ReportStatus.class);
        final Map<ReportCategory, Long> byCategory = new EnumMap<>(ReportCategory.class);
        final List<Long> toAccept = new ArrayList<>();
        final List<Long> toResolve = new ArrayList<>();
        final Map<Long, Long> assigned = new TreeMap<>();
        final Map<Long, Long> resolvedBy = new TreeMap<>();
        long merged;
        long resolved;
        long overdue;
        long escalated;
        long rated;
        long satisfied;
        long resolvedThatDay;
    }
}
