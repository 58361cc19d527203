package cn.doorstep.report.department;

import cn.doorstep.audit.AuditLog;
import cn.doorstep.common.ApiException;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.Role;
import cn.doorstep.common.Shortened;
import cn.doorstep.notify.NotificationKind;
import cn.doorstep.report.ReportActor;
import cn.doorstep.report.ReportCategory;
import cn.doorstep.report.ReportDeadlines;
import cn.doorstep.report.ReportDetail;
import cn.doorstep.report.ReportError;
import cn.doorstep.report.ReportQueries;
import cn.doorstep.report.ReportStatus;
import cn.doorstep.report.ReportStep;
import cn.doorstep.report.department.DepartmentRequests.SendRequest;
import cn.doorstep.report.internal.Department;
import cn.doorstep.report.internal.DepartmentMapper;
import cn.doorstep.report.internal.DepartmentStreetMapper;
import cn.doorstep.report.internal.Report;
import cn.doorstep.report.internal.ReportAccess;
import cn.doorstep.report.internal.ReportAssignment;
import cn.doorstep.report.internal.ReportAssignmentMapper;
import cn.doorstep.report.internal.ReportBook;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sending a report to departments: 流转 by the grid's worker (ROUTED) and 吹哨 by the street (SUMMONED).
 * Each department gets one assignment row per report (PENDING, due when the report is); sending it again to
 * a department that returned it makes that row PENDING once more. A SUBMITTED report is accepted on the way
 * (its time to resolve starts). The department's people and the reporter are told.
 */
@Service
public class ReportRouting {

    private final ReportAccess access;
    private final ReportBook book;
    private final ReportAssignmentMapper assignments;
    private final DepartmentMapper departments;
    private final DepartmentStreetMapper departmentStreets;
    private final ReportDeadlines deadlines;
    private final ReportQueries queries;
    private final AuditLog audit;
    private final Clock clock;

    ReportRouting(ReportAccess access, ReportBook book, ReportAssignmentMapper assignments, DepartmentMapper departments,
                  DepartmentStreetMapper departmentStreets, ReportDeadlines deadlines, ReportQueries queries,
                  AuditLog audit, Clock clock) {
        this.access = access;
        this.book = book;
        this.assignments = assignments;
        this.departments = departments;
        this.departmentStreets = departmentStreets;
        this.deadlines = deadlines;
        this.queries = queries;
        this.audit = audit;
        this.clock = clock;
    }

    /** 流转: a worker of the report's grid sends a SUBMITTED or ACCEPTED report to departments serving its street. */
    @Transactional
    public ReportDetail route(CurrentUser me, long id, SendRequest request) {
        Report report = access.requireWorker(me, id);
        ReportStatus status = ReportStatus.valueOf(report.getStatus());
        if (status != ReportStatus.SUBMITTED && status != ReportStatus.ACCEPTED) {
            throw ReportBook.wrongState(report, "routed");
        }
        List<Department> chosen = available(request.departmentIds(), report);
        Instant now = clock.instant();
        acceptOnTheWay(me, report, now);
        report.setStatus(ReportStatus.ROUTED.name());
        report.setRoutedAt(now);
        book.save(report);
        String names = names(chosen);
        long step = book.step(report, ReportStep.ROUTED, me.id(), ReportActor.GRID, null, withNote(names, request.note()));
        for (Department d : chosen) {
            assign(report, d.getId(), AssignmentKind.ROUTED, me.id(), request.note(), now);
            book.tellHolders(Role.DEPARTMENT, d.getId(), NotificationKind.REPORT_ASSIGNED, report, "新转办诉求待接收", step);
        }
        audit.record(me.id(), report.getCommunityId(), "report.route", "report", id, "departments " + ids(chosen));
        book.tellFollowers(report, clip("已转交" + names + "办理"), step);
        return queries.view(me, book.require(id));
    }

    /**
     * 吹哨: an admin of the report's street (or the district above it, or the platform) summons departments to
     * an open report; each must respond (报到). Others who work on it: 403; anyone else: 404.
     */
    @Transactional
    public ReportDetail summon(CurrentUser me, long id, SendRequest request) {
        Report report = book.require(id);
        boolean street = me.scopesOf(Role.STREET_ADMIN).contains(report.getStreetId());
        boolean district = me.scopesOf(Role.DISTRICT_ADMIN).contains(report.getDistrictId());
        if (!street && !district && !me.isPlatformAdmin()) {
            if (ReportAccess.isWorker(me, report)) {
                throw new ApiException(ReportError.NOT_THE_STREET);
            }
            throw new ApiException(ReportError.REPORT_NOT_FOUND);
        }
        ReportStatus status = ReportStatus.valueOf(report.getStatus());
        if (!status.open()) {
            throw ReportBook.wrongState(report, "summoned to");
        }
        List<Department> chosen = available(request.departmentIds(), report);
        Instant now = clock.instant();
        acceptOnTheWay(me, report, now);
        if (status == ReportStatus.SUBMITTED || status == ReportStatus.ACCEPTED) {
            report.setStatus(ReportStatus.ROUTED.name());
            report.setRoutedAt(now);
        }
        report.setSummonedAt(now);
        book.save(report);
        String names = names(chosen);
        ReportActor actor = street || !district ? ReportActor.STREET : ReportActor.DISTRICT;
        long step = book.step(report, ReportStep.SUMMONED, me.id(), actor, null, withNote(names, request.note()));
        for (Department d : chosen) {
            assign(report, d.getId(), AssignmentKind.SUMMONED, me.id(), request.note(), now);
            book.tellHolders(Role.DEPARTMENT, d.getId(), NotificationKind.REPORT_ASSIGNED, report, "街道吹哨，请及时报到", step);
        }
        audit.record(me.id(), report.getCommunityId(), "report.summon", "report", id, "departments " + ids(chosen));
        book.tellFollowers(report, clip("街道已召集" + names + "协同办理"), step);
        return queries.view(me, book.require(id));
    }

    /** A SUBMITTED report is accepted by whoever sends it on: its time to resolve starts now. */
    private void acceptOnTheWay(CurrentUser me, Report report, Instant now) {
        if (ReportStatus.valueOf(report.getStatus()) == ReportStatus.SUBMITTED) {
            report.setAcceptedBy(me.id());
            report.setAcceptedAt(now);
            report.setResolveDue(deadlines.resolveDue(ReportCategory.valueOf(report.getCategory()), now));
        }
    }

    /**
     * The department's row, new (PENDING) or made PENDING again when it was no longer active (returned, or
     * resolved before the report was reopened). A department still working on it keeps its row as it is.
     */
    private void assign(Report report, long departmentId, AssignmentKind kind, long by, String note, Instant now) {
        ReportAssignment existing = assignments.of(report.getId(), departmentId);
        if (existing == null) {
            var row = new ReportAssignment();
            row.setReportId(report.getId());
            row.setDepartmentId(departmentId);
            row.setKind(kind.name());
            row.setStatus(AssignmentStatus.PENDING.name());
            row.setAssignedBy(by);
            row.setAssignedAt(now);
            row.setResolveDue(report.getResolveDue());
            row.setExtendedDays(0);
            row.setNote(blankToNull(note));
            assignments.insert(row);
            return;
        }
        if (AssignmentStatus.ACTIVE.contains(AssignmentStatus.valueOf(existing.getStatus()))) {
            return;
        }
        boolean landed = assignments.assignAgain(existing, kind.name(), by, now, report.getResolveDue(), blankToNull(note));
        if (!landed) {
            throw new ApiException(ReportError.CHANGED_MEANWHILE, "Someone else acted on the report first",
                    Map.of("status", report.getStatus()));
        }
    }

    /** The departments, each active and serving the report's street, or 400 naming those that are not. */
    private List<Department> available(List<Long> requested, Report report) {
        Set<Long> ids = new LinkedHashSet<>(requested);
        Map<Long, Department> found = departments.selectByIds(ids).stream()
                .collect(Collectors.toMap(Department::getId, d -> d));
        Map<Long, List<Long>> served = departmentStreets.streetsOf(ids);
        List<Department> chosen = new ArrayList<>();
        List<Long> refused = new ArrayList<>();
        for (long id : ids) {
            Department d = found.get(id);
            if (d == null || !Boolean.TRUE.equals(d.getActive())
                    || !served.getOrDefault(id, List.of()).contains(report.getStreetId())) {
                refused.add(id);
            } else {
                chosen.add(d);
            }
        }
        if (!refused.isEmpty()) {
            throw ApiException.badField(ReportError.DEPARTMENT_UNAVAILABLE, "departmentIds",
                    refused + " are not active departments serving the report's street");
        }
        return chosen;
    }

    private static String names(List<Department> chosen) {
        return chosen.stream().map(Department::getName).collect(Collectors.joining("、"));
    }

    private static String ids(List<Department> chosen) {
        return chosen.stream().map(d -> String.valueOf(d.getId())).collect(Collectors.joining(","));
    }

    private static String withNote(String names, String note) {
        String text = note == null || note.isBlank() ? names : names + "：" + note.strip();
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }

    /** A notice's field holds 20 characters. */
    static String clip(String what) {
        return Shortened.to(what, 20);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
