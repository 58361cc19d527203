package cn.doorstep.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code doorstep.auth.*}.
 *
 * @param tokenTtl             how long a token lives without use; each use restarts the clock
 * @param loginAttemptsPerMinute login attempts allowed per client IP per minute, across all instances
 * @param devStationId         station a dev-login STAFF user is bound to when none is asked for (local only)
 * @param devCommunityId       community a dev-login ADMIN user is bound to when none is asked for (local only)
 */
@ConfigurationProperties("doorstep.auth")
public record AuthProperties(
        @DefaultValue("7d") Duration tokenTtl,
        @DefaultValue("20") int loginAttemptsPerMinute,
        @DefaultValue("1") long devStationId,
        @DefaultValue("1") long devCommunityId) {
}
