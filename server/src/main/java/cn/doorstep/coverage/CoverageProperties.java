package cn.doorstep.coverage;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code doorstep.coverage.*}.
 *
 * @param radiusMeters the walking distance a grid's centroid may lie from a station and count as covered, when
 *                     the request names none: 1,000 m, the 15-minute life circle's radius of GB 50180-2018
 *                     (城市居住区规划设计标准: 15分钟生活圈居住区, 800–1,000 m walking); within the bounds the
 *                     {@code radius} parameter has, {@value Coverages#MIN_RADIUS}–{@value Coverages#MAX_RADIUS} m
 */
@Validated
@ConfigurationProperties("doorstep.coverage")
public record CoverageProperties(
        @DefaultValue("1000") @Min(Coverages.MIN_RADIUS) @Max(Coverages.MAX_RADIUS) int radiusMeters) {
}
