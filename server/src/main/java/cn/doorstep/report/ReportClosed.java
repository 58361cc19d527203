package cn.doorstep.report;

import java.time.Instant;

/** A report was closed: rated by its reporter ({@code satisfied} true or false) or left unrated (null). */
public record ReportClosed(long reportId, long communityId, Boolean satisfied, Instant at) {
}
