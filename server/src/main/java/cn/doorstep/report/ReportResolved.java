package cn.doorstep.report;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A report the grid had accepted was resolved (by the grid or a department): a confirmed, resolved report,
 * which earns its reporter points when they filed it themselves (not a worker for a hotline caller).
 *
 * @param day the China-time date it was resolved (the points' daily cap's day)
 */
public record ReportResolved(long reportId, long reporterId, ReportChannel channel, long communityId,
                             ReportCategory category, Instant at, LocalDate day) {
}
