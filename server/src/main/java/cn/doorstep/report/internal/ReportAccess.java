package cn.doorstep.report.internal;

import cn.doorstep.common.ApiException;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.Role;
import cn.doorstep.report.ReportError;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who may see and act on a report, looked up through its people: anyone else asking for it by id is told
 * it does not exist (404), as with another user's wish.
 */
@Component
public class ReportAccess {

    private final ReportBook book;
    private final ReportFollowerMapper followers;
    private final ReportAssignmentMapper assignments;

    ReportAccess(ReportBook book, ReportFollowerMapper followers, ReportAssignmentMapper assignments) {
        this.book = book;
        this.followers = followers;
        this.assignments = assignments;
    }

    /**
     * The grid's workers: the community's admins (and the street and district admins above it, whose grants
     * arrive expanded into the community's) and the heads of the report's grid.
     */
    public static boolean isWorker(CurrentUser me, Report report) {
        return me.isAdminOf(report.getCommunityId()) || (report.getGridId() != null && me.isGridHeadOf(report.getGridId()));
    }

    /** The report, for one of its grid's workers (404 for anyone else). */
    public Report requireWorker(CurrentUser me, long id) {
        Report report = book.require(id);
        if (!isWorker(me, report)) {
            throw new ApiException(ReportError.REPORT_NOT_FOUND);
        }
        return report;
    }

    /** The report, for someone following it (its reporter, or a reporter of one merged into it). */
    public Report requireFollower(CurrentUser me, long id) {
        Report report = book.require(id);
        if (!followers.follows(id, me.id())) {
            throw new ApiException(ReportError.REPORT_NOT_FOUND);
        }
        return report;
    }

    /** The assignment of the report to one of the caller's departments, if any. */
    public Optional<ReportAssignment> assignmentOf(CurrentUser me, long reportId) {
        Set<Long> departments = me.scopesOf(Role.DEPARTMENT);
        if (departments.isEmpty()) {
            return Optional.empty();
        }
        return assignments.selectList(Wrappers.<ReportAssignment>lambdaQuery().eq(ReportAssignment::getReportId, reportId)
                .in(ReportAssignment::getDepartmentId, departments).orderByAsc(ReportAssignment::getId)).stream().findFirst();
    }

    /** Whether the caller may read the report: a follower, a worker of its grid, or a department it was sent to. */
    public Report requireVisible(CurrentUser me, long id) {
        Report report = book.require(id);
        if (followers.follows(id, me.id()) || isWorker(me, report) || assignmentOf(me, id).isPresent()) {
            return report;
        }
        throw new ApiException(ReportError.REPORT_NOT_FOUND);
    }
}
