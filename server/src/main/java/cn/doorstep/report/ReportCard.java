package cn.doorstep.report;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A report in a list: what, where, where it stands, and whether it is past its deadline. */
public record ReportCard(
        long id,
        ReportCategory category,
        @Schema(description = "the start of its text") String excerpt,
        ReportStatus status,
        ReportLevel level,
        @Schema(description = "past the time to accept (SUBMITTED) or to resolve (being handled), the paused time not counted")
        boolean overdue,
        long communityId,
        Long gridId,
        String address,
        Instant createdAt) {
}
