package cn.doorstep.common;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code doorstep.limits.*}: how often one caller may do what costs us (a WeChat call, a write) or
 * what a scraper would repeat. Counted in Redis across all instances (see {@link RateLimiter}).
 *
 * @param phoneBindsPerHour    {@code POST /auth/phone} per user per hour (each is a call to WeChat)
 * @param checkinsPerMinute    rider check-ins per user per minute
 * @param mapSearchesPerMinute map and station text searches per client address per minute; generous,
 *                             because many phones share one address behind carrier NAT
 */
@ConfigurationProperties("doorstep.limits")
public record RateLimitProperties(
        @DefaultValue("10") int phoneBindsPerHour,
        @DefaultValue("20") int checkinsPerMinute,
        @DefaultValue("600") int mapSearchesPerMinute) {
}
