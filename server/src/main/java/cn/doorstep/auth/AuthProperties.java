package cn.doorstep.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code doorstep.auth.*}.
 *
 * @param tokenTtl             how long a token lives without use; each use restarts the clock
 * @param tokenMaxAge          how long a token lives at most, however often it is used
 * @param loginAttemptsPerMinute login attempts allowed per client IP per minute, across all instances
 */
@ConfigurationProperties("doorstep.auth")
public record AuthProperties(
        @DefaultValue("7d") Duration tokenTtl,
        @DefaultValue("30d") Duration tokenMaxAge,
        @DefaultValue("20") int loginAttemptsPerMinute) {
}
