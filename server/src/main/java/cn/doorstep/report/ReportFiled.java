package cn.doorstep.report;

import java.time.Instant;

/** A report was filed (published with its row). */
public record ReportFiled(long reportId, long communityId, Long gridId, ReportCategory category, ReportChannel channel,
                          Instant at) {
}
