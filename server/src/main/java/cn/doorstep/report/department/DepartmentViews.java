package cn.doorstep.report.department;

import cn.doorstep.report.ReportCard;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** What the departments' endpoints answer. */
public final class DepartmentViews {

    private DepartmentViews() {
    }

    public record DepartmentView(long id, String name, DepartmentKind kind, String phone, boolean active,
                                 @Schema(description = "the streets it serves") List<Long> streetIds, Instant createdAt) {
    }

    /** One of a department's people (holding the role DEPARTMENT for it). */
    public record MemberView(long userId, String nickname) {
    }

    /** A report in a department's list, with the department's part in it. */
    public record AssignmentCard(
            ReportCard report,
            long departmentId,
            AssignmentKind kind,
            AssignmentStatus status,
            Instant assignedAt,
            @Schema(description = "the department's time to resolve (moved on when it asked for time)") Instant resolveDue,
            int extendedDays,
            @Schema(description = "still the department's to act on and past its time to resolve") boolean overdue) {
    }
}
