package cn.doorstep.report.followup;

import cn.doorstep.report.ReportCategory;
import cn.doorstep.report.ReportLevel;
import cn.doorstep.report.ReportStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * An open report near a point, as anyone about to file one sees it ("the same?"): what, where, how far,
 * where it stands. Nothing about who filed it, no photos, no hotline caller.
 */
public record SimilarReport(
        long id,
        ReportCategory category,
        @Schema(description = "the start of its text, only when WeChat's content check passed it; else null") String excerpt,
        ReportStatus status,
        ReportLevel level,
        boolean overdue,
        @Schema(description = "metres from the point asked about") int distance,
        String address,
        @Schema(description = "whether you follow it already (you filed it, said it is the same, or it was merged)")
        boolean following,
        Instant createdAt) {
}
