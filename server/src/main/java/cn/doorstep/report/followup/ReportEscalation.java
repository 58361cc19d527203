package cn.doorstep.report.followup;

import cn.doorstep.common.ApiException;
import cn.doorstep.common.Failures;
import cn.doorstep.common.Role;
import cn.doorstep.common.Transactions;
import cn.doorstep.notify.NotificationKind;
import cn.doorstep.report.ReportActor;
import cn.doorstep.report.ReportClosed;
import cn.doorstep.report.ReportError;
import cn.doorstep.report.ReportLevel;
import cn.doorstep.report.ReportStatus;
import cn.doorstep.report.ReportStep;
import cn.doorstep.report.internal.Report;
import cn.doorstep.report.internal.ReportBook;
import cn.doorstep.report.internal.ReportMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The reports' clocks. A report past its deadline ({@link ReportBook#overdue}) at the grid goes up to the
 * street; one the street had and that is still overdue {@code escalate-again-after} after that goes up to the
 * district. A resolved report left unrated for {@code auto-close-after} is closed, unrated. Each report moves
 * in its own transaction through the version-checked save: a second run, or a second instance running at
 * the same time, finds it moved already (its save loses with 409, which here means "done by the other") and
 * changes nothing. A report waiting for its reporter is paused: neither list selects it.
 */
@Service
public class ReportEscalation {

    private static final Logger log = LoggerFactory.getLogger(ReportEscalation.class);
    private static final int BATCH = 100;

    private final ReportMapper reports;
    private final ReportBook book;
    private final Transactions transactions;
    private final FollowUpProperties properties;
    private final ApplicationEventPublisher events;
    private final Failures failures;
    private final Clock clock;

    ReportEscalation(ReportMapper reports, ReportBook book, Transactions transactions, FollowUpProperties properties,
                     ApplicationEventPublisher events, Failures failures, Clock clock) {
        this.reports = reports;
        this.book = book;
        this.transactions = transactions;
        this.properties = properties;
        this.events = events;
        this.failures = failures;
        this.clock = clock;
    }

    /** Escalates every overdue report one level (grid to street, street to district); returns how many moved. */
    public int escalateDue() {
        Instant now = clock.instant();
        int moved = 0;
        for (Report due : reports.selectOverdue(ReportLevel.GRID.name(), now, null, BATCH)) {
            moved += once(due.getId(), "escalating", () -> escalate(due.getId(), ReportLevel.GRID, now));
        }
        Instant escalatedBefore = now.minus(properties.escalateAgainAfter());
        for (Report due : reports.selectOverdue(ReportLevel.STREET.name(), now, escalatedBefore, BATCH)) {
            moved += once(due.getId(), "escalating", () -> escalate(due.getId(), ReportLevel.STREET, now));
        }
        return moved;
    }

    /** Closes every resolved report left unrated for {@code auto-close-after}; returns how many. */
    public int closeUnrated() {
        Instant now = clock.instant();
        int closed = 0;
        for (Report due : reports.selectUnratedResolvedBefore(now.minus(properties.autoCloseAfter()), BATCH)) {
            closed += once(due.getId(), "closing", () -> close(due.getId(), now));
        }
        return closed;
    }

    /** One report in its own transaction: 1 when it moved, 0 when it no longer needed to or another run moved it. */
    private int once(long id, String doing, Supplier<Boolean> work) {
        try {
            return Boolean.TRUE.equals(transactions.readCommitted(work)) ? 1 : 0;
        } catch (ApiException e) {
            if (e.error() == ReportError.CHANGED_MEANWHILE) {
                return 0; // another step (or another instance's run) landed first: nothing to do here
            }
            failures.caught(log, "report.jobs", "Report " + id + ": " + doing + " failed; the next run tries again", e);
            return 0;
        } catch (RuntimeException e) { // rolled back whole; the next run tries again
            failures.caught(log, "report.jobs", "Report " + id + ": " + doing + " failed; the next run tries again", e);
            return 0;
        }
    }

    private boolean escalate(long id, ReportLevel from, Instant now) {
        Report report = book.require(id); // read again: it may have moved since it was listed
        if (!ReportLevel.valueOf(report.getLevel()).equals(from) || !ReportBook.overdue(report, now)
                || (from == ReportLevel.STREET && (report.getEscalatedAt() == null
                        || !report.getEscalatedAt().isBefore(now.minus(properties.escalateAgainAfter()))))) {
            return false;
        }
        ReportLevel to = from.up();
        report.setLevel(to.name());
        report.setEscalatedAt(now);
        book.save(report);
        String note = to == ReportLevel.STREET ? "超时未办理，升级至街道督办" : "街道督办后仍超时，升级至区级督办";
        long step = book.step(report, ReportStep.ESCALATED, null, ReportActor.SYSTEM, null, note);
        if (to == ReportLevel.STREET) {
            book.tellHolders(Role.STREET_ADMIN, report.getStreetId(), NotificationKind.REPORT_ESCALATED, report,
                    "超时未办理，已升级至街道督办", step);
            book.tellWorkers(report, NotificationKind.REPORT_ESCALATED, "超时未办理，已升级至街道督办，请尽快处理", step);
        } else {
            book.tellHolders(Role.DISTRICT_ADMIN, report.getDistrictId(), NotificationKind.REPORT_ESCALATED, report,
                    "街道督办后仍超时，已升级至区级督办", step);
        }
        return true;
    }

    private boolean close(long id, Instant now) {
        Report report = book.require(id);
        if (ReportStatus.valueOf(report.getStatus()) != ReportStatus.RESOLVED || report.getSatisfied() != null
                || !report.getResolvedAt().isBefore(now.minus(properties.autoCloseAfter()))) {
            return false;
        }
        report.setStatus(ReportStatus.CLOSED.name());
        report.setClosedAt(now);
        book.save(report);
        long step = book.step(report, ReportStep.CLOSED, null, ReportActor.SYSTEM, null, "超期未评价，自动办结");
        book.tellFollowers(report, "超期未评价，已自动办结", step);
        events.publishEvent(new ReportClosed(report.getId(), report.getCommunityId(), null, now));
        return true;
    }
}
