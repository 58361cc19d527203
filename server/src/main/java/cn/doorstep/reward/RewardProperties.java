package cn.doorstep.reward;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code doorstep.reward.*}.
 *
 * @param gate          whether the Redis stock gate stands in front of MySQL's guard (false: MySQL alone,
 *                      the benchmark's baseline)
 * @param collectWithin a redemption not collected in this time expires and is refunded
 * @param jobsEvery     how often the expiry job (and the reminder) runs
 * @param remindBefore  a redemption still uncollected this long before its deadline is reminded of, once
 */
@ConfigurationProperties("doorstep.reward")
public record RewardProperties(
        @DefaultValue("true") boolean gate,
        @DefaultValue("7d") Duration collectWithin,
        @DefaultValue("5m") Duration jobsEvery,
        @DefaultValue("24h") Duration remindBefore) {
}
