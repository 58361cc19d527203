package cn.doorstep.report;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code doorstep.report.*}.
 *
 * @param reportsPerHour     reports one user may file per hour (each costs a WeChat content check)
 * @param hotlineReportsPerHour reports one worker may write down per hour for callers of the hotline
 * @param contentCheckScene  msgSecCheck's scene: 1 资料, 2 评论, 3 论坛, 4 社交日志
 * @param acceptWithin       the time the grid has to accept a new report, when its category sets none
 * @param resolveWorkingDays the working days to resolve an accepted report, when its category sets none
 */
@ConfigurationProperties("doorstep.report")
public record ReportProperties(
        @DefaultValue("20") int reportsPerHour,
        @DefaultValue("200") int hotlineReportsPerHour,
        @DefaultValue("3") int contentCheckScene,
        @DefaultValue("2h") Duration acceptWithin,
        @DefaultValue("3") int resolveWorkingDays) {
}
