package cn.doorstep.report;

import java.time.LocalDate;

/**
 * A report moved (accepted, routed, resolved, rated, escalated, merged...): published by every version-checked
 * save, in its transaction, for readers that keep daily figures (the cockpit's statistics), which ask
 * {@link ReportStatistics} again for both days. Filing publishes {@link ReportFiled}.
 *
 * @param filedOn   the China-time day the report was filed (the figures of that day's reports changed)
 * @param changedOn the China-time day of the step (what happened that day changed)
 */
public record ReportChanged(long communityId, LocalDate filedOn, LocalDate changedOn) {
}
