package cn.doorstep.report.open311;

import cn.doorstep.common.ApiException;
import cn.doorstep.common.Zones;
import cn.doorstep.report.ReportCategory;
import cn.doorstep.report.ReportError;
import cn.doorstep.report.ReportStatus;
import cn.doorstep.report.internal.Department;
import cn.doorstep.report.internal.DepartmentMapper;
import cn.doorstep.report.internal.Report;
import cn.doorstep.report.internal.ReportAssignment;
import cn.doorstep.report.internal.ReportAssignmentMapper;
import cn.doorstep.report.internal.ReportBook;
import cn.doorstep.report.internal.ReportMapper;
import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reports as Open311 GeoReport v2 service requests (issue 17 §8), for civic tools: read-only, public, and
 * without personal data. Only the columns a request shows are read (never reporter, caller or address);
 * merged reports (duplicates) are left out; the text is shown only when WeChat's content check passed it.
 */
@Service
@Transactional(readOnly = true)
public class Open311Requests {

    /** At most this many requests per answer, newest first, and a span of at most this many days (the spec's). */
    static final int MAX_REQUESTS = 1000;
    static final Duration MAX_SPAN = Duration.ofDays(90);

    /** Runs of 7 or more digits, ASCII or full-width, also split by spaces or dashes: phone numbers, ids, plates. */
    private static final Pattern LONG_DIGITS = Pattern.compile("[0-9０-９](?:[\\s\\-]?[0-9０-９]){6,}");
    private static final Set<ReportStatus> CLOSED = EnumSet.of(ReportStatus.RESOLVED, ReportStatus.CLOSED);
    private static final Map<ReportStatus, String> NOTES = new EnumMap<>(Map.of(
            ReportStatus.SUBMITTED, "已提交，等待社区受理",
            ReportStatus.ACCEPTED, "社区已受理，正在办理",
            ReportStatus.ROUTED, "已转交职能部门",
            ReportStatus.IN_PROGRESS, "职能部门正在办理",
            ReportStatus.WAITING_REPORTER, "等待反映人补充情况",
            ReportStatus.RESOLVED, "已办结",
            ReportStatus.CLOSED, "已办结"));

    /** The filters of GET requests.json, as given (each may be null). */
    public record Filter(String serviceRequestIds, String serviceCodes, String startDate, String endDate, String status) {
    }

    private final ReportMapper reports;
    private final ReportAssignmentMapper assignments;
    private final DepartmentMapper departments;
    private final Clock clock;

    Open311Requests(ReportMapper reports, ReportAssignmentMapper assignments, DepartmentMapper departments, Clock clock) {
        this.reports = reports;
        this.assignments = assignments;
        this.departments = departments;
        this.clock = clock;
    }

    /** One request by id; 404 for an unknown or merged report. */
    public Open311.Request one(long id) {
        List<Report> found = reports.selectList(shown().eq(Report::getId, id));
        if (found.isEmpty()) {
            throw new ApiException(ReportError.REPORT_NOT_FOUND, "No service request " + id);
        }
        return requests(found).get(0);
    }

    /**
     * GET requests.json: service_request_id (a comma list) overrides the other filters; otherwise requests
     * filed in [start_date, end_date] (ISO 8601; at most 90 days; the last 90 days, or 90 days from the one
     * given, by default), of the service codes and statuses given; newest first, at most 1000.
     */
    public List<Open311.Request> search(Filter filter) {
        LambdaQueryWrapper<Report> query = shown();
        if (filter.serviceRequestIds() != null && !filter.serviceRequestIds().isBlank()) {
            List<Long> ids = ids(filter.serviceRequestIds());
            query.in(Report::getId, ids);
        } else {
            Instant start = instant(filter.startDate(), "start_date");
            Instant end = instant(filter.endDate(), "end_date");
            if (start == null && end == null) {
                end = clock.instant();
            }
            start = start != null ? start : end.minus(MAX_SPAN);
            end = end != null ? end : start.plus(MAX_SPAN);
            if (end.isBefore(start) || Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
                throw bad("start_date and end_date must span at most 90 days, start first");
            }
            query.ge(Report::getCreatedAt, start).le(Report::getCreatedAt, end);
            if (filter.serviceCodes() != null && !filter.serviceCodes().isBlank()) {
                query.in(Report::getCategory, codes(filter.serviceCodes()));
            }
            if (filter.status() != null && !filter.status().isBlank()) {
                query.in(Report::getStatus, statuses(filter.status()));
            }
        }
        query.orderByDesc(Report::getCreatedAt).orderByDesc(Report::getId).last("LIMIT " + MAX_REQUESTS);
        return requests(reports.selectList(query));
    }

    /** The columns a request shows, of reports that are not merged away. */
    private static LambdaQueryWrapper<Report> shown() {
        return Wrappers.<Report>lambdaQuery()
                .select(Report::getId, Report::getCategory, Report::getBody, Report::getCheckResult, Report::getStatus,
                        Report::getLat, Report::getLng, Report::getResolveDue, Report::getResolvedDepartmentId,
                        Report::getCreatedAt, Report::getUpdatedAt)
                .ne(Report::getStatus, ReportStatus.MERGED.name());
    }

    private List<Open311.Request> requests(List<Report> rows) {
        Map<Long, Long> agencyOf = agencies(rows);
        Map<Long, String> names = agencyOf.isEmpty() ? Map.of()
                : departments.selectByIds(Set.copyOf(agencyOf.values())).stream()
                .collect(Collectors.toMap(Department::getId, Department::getName));
        return rows.stream().map(r -> {
            Long agency = agencyOf.get(r.getId());
            return request(r, agency == null ? null : names.get(agency));
        }).toList();
    }

    /**
     * The department answering for each report: the one that resolved it, else the first it was routed to and
     * that did not send it back. One statement for the page.
     */
    private Map<Long, Long> agencies(List<Report> rows) {
        var agencyOf = new HashMap<Long, Long>();
        List<Long> unresolved = new ArrayList<>();
        for (Report r : rows) {
            if (r.getResolvedDepartmentId() != null) {
                agencyOf.put(r.getId(), r.getResolvedDepartmentId());
            } else {
                unresolved.add(r.getId());
            }
        }
        if (!unresolved.isEmpty()) {
            assignments.selectList(Wrappers.<ReportAssignment>lambdaQuery()
                            .select(ReportAssignment::getId, ReportAssignment::getReportId, ReportAssignment::getDepartmentId)
                            .in(ReportAssignment::getReportId, unresolved).eq(ReportAssignment::getKind, "ROUTED")
                            .isNull(ReportAssignment::getReturnedAt))
                    .stream().sorted(Comparator.comparing(ReportAssignment::getId))
                    .forEach(a -> agencyOf.putIfAbsent(a.getReportId(), a.getDepartmentId()));
        }
        return agencyOf;
    }

    private static Open311.Request request(Report r, String agency) {
        ReportStatus status = ReportStatus.valueOf(r.getStatus());
        ReportCategory category = ReportCategory.valueOf(r.getCategory());
        String description = "PASS".equals(r.getCheckResult()) ? mask(r.getBody()) : null;
        return new Open311.Request(Long.toString(r.getId()), CLOSED.contains(status) ? "closed" : "open",
                NOTES.get(status), ReportBook.label(category), category.name(), description, agency, null,
                r.getCreatedAt(), r.getUpdatedAt(), r.getResolveDue(), null, null, null, round(r.getLat()),
                round(r.getLng()), null);
    }

    /** Digits that could reach a person (a phone, an id number, a plate) become asterisks. */
    static String mask(String text) {
        return LONG_DIGITS.matcher(text).replaceAll(m -> "*".repeat(m.group().length()));
    }

    private static BigDecimal round(BigDecimal degrees) {
        return degrees.setScale(3, RoundingMode.HALF_UP);
    }

    private static List<Long> ids(String list) {
        try {
            List<Long> ids = Arrays.stream(list.split(",")).map(String::strip).map(Long::parseLong).distinct().toList();
            if (ids.size() > MAX_REQUESTS) {
                throw bad("service_request_id names more than " + MAX_REQUESTS + " requests");
            }
            return ids;
        } catch (NumberFormatException e) {
            throw bad("service_request_id must be a comma-separated list of ids");
        }
    }

    private static List<String> codes(String list) {
        List<String> codes = Arrays.stream(list.split(",")).map(String::strip).toList();
        Set<String> known = Arrays.stream(ReportCategory.values()).map(Enum::name).collect(Collectors.toSet());
        codes.stream().filter(c -> !known.contains(c)).findFirst().ifPresent(c -> {
            throw bad("service_code " + c + " is not a service of services.json");
        });
        return codes;
    }

    private static List<String> statuses(String list) {
        var statuses = new ArrayList<String>();
        for (String s : list.split(",")) {
            switch (s.strip()) {
                case "open" -> ReportStatus.OPEN.forEach(o -> statuses.add(o.name()));
                case "closed" -> CLOSED.forEach(c -> statuses.add(c.name()));
                default -> throw bad("status must be open or closed");
            }
        }
        return statuses;
    }

    /** ISO 8601: with an offset or Z as the spec asks; without one, China time; a bare date, its start there. */
    private static Instant instant(String text, String name) {
        if (text == null || text.isBlank()) {
            return null;
        }
        // a "+08:00" sent unencoded in a query arrives as " 08:00"
        text = text.strip().replace(' ', '+');
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).atZone(Zones.CHINA).toInstant();
            } catch (DateTimeParseException notLocal) {
                try {
                    return Zones.startOf(LocalDate.parse(text));
                } catch (DateTimeParseException notDate) {
                    throw bad(name + " must be an ISO 8601 date-time, e.g. 2026-12-01T00:00:00+08:00");
                }
            }
        }
    }

    private static ApiException bad(String description) {
        return new ApiException(ReportError.OPEN311_BAD_REQUEST, description);
    }
}
