package cn.doorstep.report.open311;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code doorstep.report.open311.*}.
 *
 * @param requestsPerMinute Open311 reads per client address per minute: public and unauthenticated, so a
 *                          scraper is held back; generous for a civic tool polling every few minutes
 * @param contact           who civic developers write to, as discovery.json names it
 */
@ConfigurationProperties("doorstep.report.open311")
public record Open311Properties(
        @DefaultValue("60") int requestsPerMinute,
        @DefaultValue("家门口平台运维 (Doorstep backend team)") String contact) {
}
