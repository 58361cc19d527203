package cn.doorstep.report.followup;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The follow-up's part of {@code doorstep.report.*} (beside {@link cn.doorstep.report.ReportProperties}).
 *
 * @param jobsEvery          how often the escalation and auto-close jobs run
 * @param escalateAgainAfter a report escalated to the street and still overdue this long after goes to the district
 * @param autoCloseAfter     a resolved report its reporter has not rated in this time is closed, unrated
 * @param duplicateRadius    metres: open reports of the same category this close are offered as "the same?"
 */
@ConfigurationProperties("doorstep.report")
public record FollowUpProperties(
        @DefaultValue("PT5M") Duration jobsEvery,
        @DefaultValue("24h") Duration escalateAgainAfter,
        @DefaultValue("7d") Duration autoCloseAfter,
        @DefaultValue("100") int duplicateRadius) {
}
