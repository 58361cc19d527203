package cn.doorstep.report;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One report with its timeline, as its followers, the grid's workers and the departments it was sent to
 * see it. {@code caller} (a hotline caller's name and phone) is shown to workers only.
 */
public record ReportDetail(
        long id,
        ReportCategory category,
        String text,
        List<String> photos,
        BigDecimal lat,
        BigDecimal lng,
        String address,
        ReportChannel channel,
        ReportStatus status,
        ReportLevel level,
        boolean overdue,
        long communityId,
        String communityName,
        Long gridId,
        Instant acceptDue,
        Instant resolveDue,
        Instant acceptedAt,
        Instant resolvedAt,
        String resolution,
        @Schema(description = "the question waiting for the reporter's answer (WAITING_REPORTER)") String question,
        boolean reopened,
        Boolean satisfied,
        String ratingComment,
        @Schema(description = "MERGED: the report it was folded into (its followers follow that one)") Long mergedInto,
        @Schema(description = "workers only: a hotline caller") Caller caller,
        List<Assignment> departments,
        List<TimelineEntry> timeline,
        Instant createdAt) {

    public record Caller(String name, String phone) {
    }

    /** A department's part: ROUTED by the grid or SUMMONED (吹哨) by the street, and where it stands. */
    public record Assignment(long departmentId, String departmentName, String kind, String status, Instant assignedAt,
                             Instant acceptedAt, Instant respondedAt, Instant resolveDue, Instant resolvedAt, String note) {
    }

    /** One step: what, the status it left, who (their kind; workers also see the user id), a note, photos. */
    public record TimelineEntry(long id, ReportStep step, ReportStatus status, ReportActor actor, Long actorId,
                                Long departmentId, String note, List<String> photos, Instant at) {
    }
}
