package cn.doorstep.schedule;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code doorstep.schedule.*}.
 *
 * @param activityCancelDeadline an activity's sign-up can be cancelled until this long before it starts
 *                               (a service has its own deadline)
 */
@ConfigurationProperties("doorstep.schedule")
public record ScheduleProperties(@DefaultValue("1h") Duration activityCancelDeadline) {
}
