package cn.doorstep.report.grid;

import cn.doorstep.common.ApiException;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.Role;
import cn.doorstep.notify.NotificationKind;
import cn.doorstep.report.ReportActor;
import cn.doorstep.report.ReportCategory;
import cn.doorstep.report.ReportClosed;
import cn.doorstep.report.ReportDeadlines;
import cn.doorstep.report.ReportDetail;
import cn.doorstep.report.ReportError;
import cn.doorstep.report.ReportLevel;
import cn.doorstep.report.ReportQueries;
import cn.doorstep.report.ReportStatus;
import cn.doorstep.report.ReportStep;
import cn.doorstep.report.internal.Report;
import cn.doorstep.report.internal.ReportAccess;
import cn.doorstep.report.internal.ReportAssignmentMapper;
import cn.doorstep.report.internal.ReportBook;
import cn.doorstep.report.internal.ReportPhotoCheck;
import cn.doorstep.report.internal.ReportPhotoMapper;
import com.baomidou.mybatisplus.core.toolkit.support.SFunction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reporter's steps: answering the grid's question (the clock runs again, the deadlines moved on by the
 * time it waited) and rating a resolved report. Not satisfied reopens it once, one level up (the street's
 * admins are told); not satisfied again closes it unsatisfied.
 */
@Service
public class ReporterSteps {

    private static final List<SFunction<Report, ?>> UNPAUSED = List.of(Report::getQuestion, Report::getPausedAt,
            Report::getPausedFrom);
    /** A reopened report is worked on again: the resolution stays in the timeline (its RESOLVED step). */
    private static final List<SFunction<Report, ?>> UNRESOLVED = List.of(Report::getResolvedBy, Report::getResolvedAt,
            Report::getResolution, Report::getResolvedDepartmentId);

    private final ReportPhotoMapper photos;
    private final ReportAssignmentMapper assignments;
    private final ReportAccess access;
    private final ReportBook book;
    private final ReportQueries queries;
    private final ReportDeadlines deadlines;
    private final ReportPhotoCheck photoCheck;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReporterSteps(ReportPhotoMapper photos, ReportAssignmentMapper assignments, ReportAccess access, ReportBook book,
                  ReportQueries queries, ReportDeadlines deadlines, ReportPhotoCheck photoCheck,
                  ApplicationEventPublisher events, Clock clock) {
        this.photos = photos;
        this.assignments = assignments;
        this.access = access;
        this.book = book;
        this.queries = queries;
        this.deadlines = deadlines;
        this.photoCheck = photoCheck;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A follower answers the question asked: the report goes back where it was, its deadlines (and those of
     * its open department parts) moved on by the time it waited, the question cleared. The grid's workers are told.
     */
    @Transactional
    public ReportDetail reply(CurrentUser me, long id, String text, List<String> replyPhotos) {
        Report report = access.requireFollower(me, id);
        if (ReportStatus.valueOf(report.getStatus()) != ReportStatus.WAITING_REPORTER) {
            throw ReportBook.wrongState(report, "answered");
        }
        photoCheck.check(replyPhotos);
        Instant now = clock.instant();
        Duration waited = Duration.between(report.getPausedAt(), now);
        report.setStatus(report.getPausedFrom());
        report.setAcceptDue(report.getAcceptDue().plus(waited));
        if (report.getResolveDue() != null) {
            report.setResolveDue(report.getResolveDue().plus(waited));
        }
        report.setQuestion(null);
        report.setPausedAt(null);
        report.setPausedFrom(null);
        book.save(report, UNPAUSED);
        assignments.postponeOpen(id, waited.toNanos() / 1000, now);
        String answer = text.strip();
        long step = book.step(report, ReportStep.REPLIED, me.id(), ReportActor.REPORTER, null, answer);
        photos.add(id, step, replyPhotos);
        book.tellWorkers(report, NotificationKind.REPORT_ASSIGNED, "报告人已答复", step);
        return queries.view(me, book.require(id));
    }

    /**
     * The reporter rates the resolved report. Satisfied closes it ({@link ReportClosed}); not satisfied reopens
     * it the first time (ACCEPTED, one level up, a fresh time to resolve; the grid's workers and the street's
     * admins are told) and closes it unsatisfied the second.
     */
    @Transactional
    public ReportDetail rate(CurrentUser me, long id, boolean satisfied, String comment) {
        Report report = access.requireFollower(me, id);
        if (report.getReporterId() != me.id()) {
            throw new ApiException(ReportError.NOT_THE_REPORTER);
        }
        ReportStatus status = ReportStatus.valueOf(report.getStatus());
        if (status == ReportStatus.CLOSED && report.getRatedAt() != null) {
            throw new ApiException(ReportError.ALREADY_RATED, "The report was rated already", Map.of("status", status.name()));
        }
        if (status != ReportStatus.RESOLVED) {
            throw ReportBook.wrongState(report, "rated");
        }
        Instant now = clock.instant();
        String note = comment == null || comment.isBlank() ? null : comment.strip();
        if (!satisfied && !Boolean.TRUE.equals(report.getReopened())) {
            reopen(me, report, note, now);
        } else {
            report.setStatus(ReportStatus.CLOSED.name());
            report.setSatisfied(satisfied);
            report.setRatingComment(note);
            report.setRatedAt(now);
            report.setClosedAt(now);
            book.save(report);
            long step = book.step(report, ReportStep.RATED, me.id(), ReportActor.REPORTER, null, note);
            book.tellFollowers(report, satisfied ? "感谢评价，已办结" : "已记录您的评价，诉求已关闭", step);
            events.publishEvent(new ReportClosed(id, report.getCommunityId(), satisfied, now));
        }
        return queries.view(me, book.require(id));
    }

    private void reopen(CurrentUser me, Report report, String note, Instant now) {
        ReportLevel level = ReportLevel.valueOf(report.getLevel()).up();
        report.setStatus(ReportStatus.ACCEPTED.name());
        report.setReopened(true);
        report.setLevel(level.name());
        report.setEscalatedAt(now);
        report.setResolveDue(deadlines.resolveDue(ReportCategory.valueOf(report.getCategory()), now));
        report.setResolvedBy(null);
        report.setResolvedAt(null);
        report.setResolution(null);
        report.setResolvedDepartmentId(null);
        book.save(report, UNRESOLVED);
        book.step(report, ReportStep.REOPENED, me.id(), ReportActor.REPORTER, null, note);
        long step = book.step(report, ReportStep.ESCALATED, null, ReportActor.SYSTEM, null, "升级至" + label(level));
        book.tellFollowers(report, "已重新办理并升级至" + label(level), step);
        String what = "群众不满意，已重新办理并升级至" + label(level);
        book.tellWorkers(report, NotificationKind.REPORT_ESCALATED, what, step);
        book.tellHolders(Role.STREET_ADMIN, report.getStreetId(), NotificationKind.REPORT_ESCALATED, report, what, step);
    }

    private static String label(ReportLevel level) {
        return switch (level) {
            case GRID -> "网格";
            case STREET -> "街道";
            case DISTRICT -> "区";
        };
    }
}
