package cn.doorstep.points;

import cn.doorstep.report.ReportChannel;
import cn.doorstep.report.ReportResolved;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * A report its reporter filed themselves (in the app, as a paired rider or as a grid head), once accepted
 * and resolved, earns them points under the community's REPORT_RESOLVED rule (daily cap). A hotline report
 * earns nothing (the worker who wrote it down is not its reporter), nor do the followers of reports merged
 * into it. Idempotent by (reporter, REPORT_RESOLVED, report, id): resolved again after a reopening, or the
 * event delivered again, it changes nothing. Runs in the award's own READ COMMITTED transaction, as
 * {@link RiderCheckinPoints} does.
 */
@Component
class ReportPoints {

    private final PointsService points;

    ReportPoints(PointsService points) {
        this.points = points;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ReportResolved event) {
        if (event.channel() == ReportChannel.HOTLINE) {
            return;
        }
        points.award(Award.one(event.reporterId(), PointsReason.REPORT_RESOLVED, "report", event.reportId(),
                event.communityId(), event.day()));
    }
}
