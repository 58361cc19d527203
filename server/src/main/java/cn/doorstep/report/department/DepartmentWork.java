package cn.doorstep.report.department;

import cn.doorstep.audit.AuditLog;
import cn.doorstep.common.ApiException;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.common.Role;
import cn.doorstep.common.Zones;
import cn.doorstep.notify.NotificationKind;
import cn.doorstep.report.ReportActor;
import cn.doorstep.report.ReportCard;
import cn.doorstep.report.ReportCategory;
import cn.doorstep.report.ReportChannel;
import cn.doorstep.report.ReportDeadlines;
import cn.doorstep.report.ReportDetail;
import cn.doorstep.report.ReportError;
import cn.doorstep.report.ReportQueries;
import cn.doorstep.report.ReportResolved;
import cn.doorstep.report.ReportStatus;
import cn.doorstep.report.ReportStep;
import cn.doorstep.report.department.DepartmentRequests.ExtendRequest;
import cn.doorstep.report.department.DepartmentRequests.ResolveRequest;
import cn.doorstep.report.department.DepartmentRequests.RespondRequest;
import cn.doorstep.report.department.DepartmentRequests.ReturnRequest;
import cn.doorstep.report.department.DepartmentViews.AssignmentCard;
import cn.doorstep.report.internal.Report;
import cn.doorstep.report.internal.ReportAccess;
import cn.doorstep.report.internal.ReportAssignment;
import cn.doorstep.report.internal.ReportAssignmentMapper;
import cn.doorstep.report.internal.ReportBook;
import cn.doorstep.report.internal.ReportMapper;
import cn.doorstep.report.internal.ReportPhotoCheck;
import cn.doorstep.report.internal.ReportPhotoMapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A department's side of the reports sent to it: accept a routed one, report in (报到) to a summons, ask for
 * time once, resolve with evidence, or send it back with a reason. The caller holds DEPARTMENT for the
 * department; a report not sent to one of theirs is not found (404). Each step changes the department's row
 * and the report, both version-checked (of two people acting at once one lands, the other gets 409 60003),
 * and the report's every step serialises the departments working on it, so the last one to resolve is the
 * one that sees all resolved.
 */
@Service
public class DepartmentWork {

    private final ReportAccess access;
    private final ReportBook book;
    private final ReportMapper reports;
    private final ReportAssignmentMapper assignments;
    private final ReportPhotoMapper photos;
    private final Departments departments;
    private final ReportQueries queries;
    private final ReportPhotoCheck photoCheck;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final ReportDeadlines deadlines;
    private final Clock clock;

    DepartmentWork(ReportAccess access, ReportBook book, ReportMapper reports, ReportAssignmentMapper assignments,
                   ReportPhotoMapper photos, Departments departments, ReportQueries queries, ReportPhotoCheck photoCheck,
                   AuditLog audit, ApplicationEventPublisher events, ReportDeadlines deadlines, Clock clock) {
        this.access = access;
        this.book = book;
        this.reports = reports;
        this.assignments = assignments;
        this.photos = photos;
        this.departments = departments;
        this.queries = queries;
        this.photoCheck = photoCheck;
        this.audit = audit;
        this.events = events;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** The reports sent to the caller's departments (or one of them), newest first. */
    @Transactional(readOnly = true)
    public PageResult<AssignmentCard> list(CurrentUser me, Long departmentId, AssignmentStatus status, AssignmentKind kind,
                                           boolean overdue, PageQuery page) {
        Set<Long> mine = me.scopesOf(Role.DEPARTMENT);
        if (departmentId != null) {
            mine = mine.contains(departmentId) ? Set.of(departmentId) : Set.of();
        }
        if (mine.isEmpty()) {
            return PageResult.of(List.of(), 0, page);
        }
        Instant now = clock.instant();
        Page<ReportAssignment> rows = assignments.selectForDepartments(new Page<>(page.page(), page.size()), mine,
                status == null ? null : status.name(), kind == null ? null : kind.name(), overdue ? now : null);
        List<ReportAssignment> parts = rows.getRecords();
        Map<Long, Report> byId = parts.isEmpty() ? Map.of()
                : reports.selectByIds(parts.stream().map(ReportAssignment::getReportId).toList()).stream()
                .collect(Collectors.toMap(Report::getId, Function.identity()));
        Page<Report> ordered = new Page<>(page.page(), page.size());
        ordered.setRecords(parts.stream().map(a -> byId.get(a.getReportId())).toList());
        List<ReportCard> cards = queries.cards(ordered, page).items();
        var items = new ArrayList<AssignmentCard>();
        for (int i = 0; i < parts.size(); i++) {
            ReportAssignment a = parts.get(i);
            AssignmentStatus s = AssignmentStatus.valueOf(a.getStatus());
            items.add(new AssignmentCard(cards.get(i), a.getDepartmentId(), AssignmentKind.valueOf(a.getKind()), s,
                    a.getAssignedAt(), a.getResolveDue(), a.getExtendedDays(), AssignmentStatus.ACTIVE.contains(s)
                    && a.getResolveDue() != null && a.getResolveDue().isBefore(now)));
        }
        return PageResult.of(items, rows.getTotal(), page);
    }

    /** A routed report taken up: the department's part ACCEPTED; the report IN_PROGRESS if it was ROUTED. */
    @Transactional
    public ReportDetail accept(CurrentUser me, long id) {
        Work work = start(me, id);
        work.requirePart("accepted", AssignmentStatus.PENDING);
        if (work.kind() != AssignmentKind.ROUTED) {
            throw work.wrongPart("accepted: a summoned department responds (报到)");
        }
        Instant now = clock.instant();
        work.part.setStatus(AssignmentStatus.ACCEPTED.name());
        work.part.setAcceptedAt(now);
        return takenUp(me, work, ReportStep.DEPARTMENT_ACCEPTED, null, "report.department.accept", "已受理");
    }

    /** 报到: a summoned department reports in; the report IN_PROGRESS if it was ROUTED. */
    @Transactional
    public ReportDetail respond(CurrentUser me, long id, RespondRequest request) {
        Work work = start(me, id);
        work.requirePart("responded to", AssignmentStatus.PENDING);
        if (work.kind() != AssignmentKind.SUMMONED) {
            throw work.wrongPart("responded to: it was routed, not summoned; accept it");
        }
        work.part.setStatus(AssignmentStatus.RESPONDED.name());
        work.part.setRespondedAt(clock.instant());
        String note = request == null ? null : blankToNull(request.note());
        if (note != null) {
            work.part.setNote(note);
        }
        return takenUp(me, work, ReportStep.RESPONDED, note, "report.department.respond", "已报到");
    }

    private ReportDetail takenUp(CurrentUser me, Work work, ReportStep step, String note, String action, String what) {
        saveAssignment(work);
        if (ReportStatus.valueOf(work.report.getStatus()) == ReportStatus.ROUTED) {
            work.report.setStatus(ReportStatus.IN_PROGRESS.name());
        }
        book.save(work.report);
        long stepId = book.step(work.report, step, me.id(), ReportActor.DEPARTMENT, work.departmentId(), note);
        audit.record(me.id(), work.report.getCommunityId(), action, "report", work.report.getId(),
                "department " + work.departmentId());
        book.tellFollowers(work.report, ReportRouting.clip(work.name + what), stepId);
        return queries.view(me, book.require(work.report.getId()));
    }

    /**
     * More time, once per report: the department's due time, and the report's when it was earlier, move on
     * by the working days asked (on the holiday calendar, at the same time of day: {@link ReportDeadlines}).
     */
    @Transactional
    public ReportDetail extend(CurrentUser me, long id, ExtendRequest request) {
        Work work = start(me, id);
        work.requirePart("extended", AssignmentStatus.PENDING, AssignmentStatus.ACCEPTED, AssignmentStatus.RESPONDED);
        if (work.part.getExtendedDays() != null && work.part.getExtendedDays() > 0) {
            throw new ApiException(ReportError.ALREADY_EXTENDED);
        }
        int days = request.workingDays();
        Instant base = work.part.getResolveDue() != null ? work.part.getResolveDue() : clock.instant();
        Instant due = deadlines.workingDaysAfter(base, days);
        work.part.setResolveDue(due);
        work.part.setExtendedDays(days);
        saveAssignment(work);
        if (work.report.getResolveDue() == null || work.report.getResolveDue().isBefore(due)) {
            work.report.setResolveDue(due);
        }
        book.save(work.report);
        long stepId = book.step(work.report, ReportStep.EXTENDED, me.id(), ReportActor.DEPARTMENT, work.departmentId(),
                "延期" + days + "个工作日：" + request.reason().strip());
        audit.record(me.id(), work.report.getCommunityId(), "report.department.extend", "report", id,
                "department " + work.departmentId() + " +" + days + " days");
        book.tellFollowers(work.report, ReportRouting.clip(work.name + "申请延期" + days + "个工作日"), stepId);
        return queries.view(me, book.require(id));
    }

    /**
     * Resolved with evidence: the department's part RESOLVED; when every department still on it (not
     * returned) has resolved its part, the report is RESOLVED (publishing ReportResolved) and its reporter
     * asked to rate it. A photo WeChat withdrew is refused (422 60005); one held for review flags the report.
     */
    @Transactional
    public ReportDetail resolve(CurrentUser me, long id, ResolveRequest request) {
        String flag = photoCheck.check(request.photos());
        Work work = start(me, id);
        work.requirePart("resolved", AssignmentStatus.ACCEPTED, AssignmentStatus.RESPONDED);
        Instant now = clock.instant();
        String text = request.text().strip();
        work.part.setStatus(AssignmentStatus.RESOLVED.name());
        work.part.setResolvedAt(now);
        work.part.setNote(text.length() <= 500 ? text : text.substring(0, 500));
        saveAssignment(work);
        boolean allDone = assignments.ofReport(id).stream()
                .filter(a -> !a.getId().equals(work.part.getId()))
                .map(a -> AssignmentStatus.valueOf(a.getStatus()))
                .filter(s -> s != AssignmentStatus.RETURNED)
                .allMatch(s -> s == AssignmentStatus.RESOLVED);
        if (allDone) {
            work.report.setStatus(ReportStatus.RESOLVED.name());
            work.report.setResolvedBy(me.id());
            work.report.setResolvedDepartmentId(work.departmentId());
            work.report.setResolvedAt(now);
            work.report.setResolution(text);
        }
        if (flag != null) {
            work.report.setFlagReason(flag);
        }
        book.save(work.report);
        long stepId = book.step(work.report, ReportStep.RESOLVED, me.id(), ReportActor.DEPARTMENT, work.departmentId(), text);
        photos.add(id, stepId, request.photos());
        audit.record(me.id(), work.report.getCommunityId(), "report.department.resolve", "report", id,
                "department " + work.departmentId() + (allDone ? " (report resolved)" : ""));
        if (allDone) {
            Report r = work.report;
            events.publishEvent(new ReportResolved(id, r.getReporterId(), ReportChannel.valueOf(r.getChannel()),
                    r.getCommunityId(), ReportCategory.valueOf(r.getCategory()), now, now.atZone(Zones.CHINA).toLocalDate()));
            book.tellFollowers(r, ReportRouting.clip(work.name + "已办结，请评价"), stepId);
        } else {
            book.tellFollowers(work.report, ReportRouting.clip(work.name + "已完成办理"), stepId);
        }
        return queries.view(me, book.require(id));
    }

    /**
     * Sent back with a reason: the department's part RETURNED; when no department is left on it, the report
     * goes back to ACCEPTED and the grid's workers are told.
     */
    @Transactional
    public ReportDetail sendBack(CurrentUser me, long id, ReturnRequest request) {
        Work work = start(me, id);
        work.requirePart("returned", AssignmentStatus.PENDING, AssignmentStatus.ACCEPTED, AssignmentStatus.RESPONDED);
        String reason = request.reason().strip();
        work.part.setStatus(AssignmentStatus.RETURNED.name());
        work.part.setReturnedAt(clock.instant());
        work.part.setNote(reason);
        saveAssignment(work);
        boolean noneLeft = assignments.ofReport(id).stream()
                .filter(a -> !a.getId().equals(work.part.getId()))
                .noneMatch(a -> AssignmentStatus.ACTIVE.contains(AssignmentStatus.valueOf(a.getStatus())));
        ReportStatus status = ReportStatus.valueOf(work.report.getStatus());
        if (noneLeft && (status == ReportStatus.ROUTED || status == ReportStatus.IN_PROGRESS)) {
            work.report.setStatus(ReportStatus.ACCEPTED.name());
        }
        book.save(work.report);
        long stepId = book.step(work.report, ReportStep.RETURNED, me.id(), ReportActor.DEPARTMENT, work.departmentId(), reason);
        audit.record(me.id(), work.report.getCommunityId(), "report.department.return", "report", id,
                "department " + work.departmentId());
        if (noneLeft) {
            book.tellWorkers(work.report, NotificationKind.REPORT_ASSIGNED, ReportRouting.clip(work.name + "退回：" + reason),
                    stepId);
        }
        book.tellFollowers(work.report, ReportRouting.clip(work.name + "退回，社区继续处理"), stepId);
        return queries.view(me, book.require(id));
    }

    /** The report and the caller's department's part in it (404 when it was never sent to theirs). */
    private Work start(CurrentUser me, long id) {
        ReportAssignment part = access.assignmentOf(me, id).orElseThrow(() -> new ApiException(ReportError.REPORT_NOT_FOUND));
        Report report = book.require(id);
        ReportStatus status = ReportStatus.valueOf(report.getStatus());
        if (status != ReportStatus.ROUTED && status != ReportStatus.IN_PROGRESS) {
            throw ReportBook.wrongState(report, "acted on by a department");
        }
        String name = departments.namesOf(List.of(part.getDepartmentId())).getOrDefault(part.getDepartmentId(), "部门");
        return new Work(report, part, name);
    }

    private void saveAssignment(Work work) {
        if (assignments.updateById(work.part) != 1) {
            ReportAssignment now = assignments.selectById(work.part.getId());
            throw new ApiException(ReportError.CHANGED_MEANWHILE, "Someone else acted on the report first",
                    Map.of("status", now.getStatus()));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A department's step in the making: the report, its part, its name. */
    private record Work(Report report, ReportAssignment part, String name) {

        long departmentId() {
            return part.getDepartmentId();
        }

        AssignmentKind kind() {
            return AssignmentKind.valueOf(part.getKind());
        }

        void requirePart(String action, AssignmentStatus... allowed) {
            if (!List.of(allowed).contains(AssignmentStatus.valueOf(part.getStatus()))) {
                throw wrongPart(action);
            }
        }

        ApiException wrongPart(String action) {
            return new ApiException(ReportError.ASSIGNMENT_WRONG_STATE, "Your department's part is " + part.getStatus()
                    + ": it cannot be " + action + " now", Map.of("status", part.getStatus()));
        }
    }
}
