package cn.doorstep.points;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code doorstep.points.*}.
 *
 * @param validityMonths how long earned points stay valid (12 months by default)
 * @param expiryEvery    how often the expiry job runs
 * @param defaults       the rule of each earning kind where a community has set none
 */
@ConfigurationProperties("doorstep.points")
public record PointsProperties(
        @DefaultValue("12") int validityMonths,
        @DefaultValue("PT10M") Duration expiryEvery,
        Map<PointsReason, Rule> defaults) {

    /** Points per unit, and the most a user may earn of the kind per (China) day and in all. Null caps: none. */
    public record Rule(int pointsPerUnit, Integer dailyCap, Integer lifetimeCap) {
    }

    private static final Map<PointsReason, Rule> BUILT_IN = Map.of(
            PointsReason.RIDER_CHECKIN, new Rule(5, 20, null),
            PointsReason.VOLUNTEER_SERVICE, new Rule(10, 80, null),
            PointsReason.WISH_FULFILLED, new Rule(20, 100, null),
            PointsReason.ACTIVITY_ATTENDED, new Rule(5, 20, null),
            PointsReason.REPORT_RESOLVED, new Rule(5, 10, null));

    public PointsProperties {
        defaults = defaults == null ? BUILT_IN : Map.copyOf(defaults);
    }

    public Rule defaultRule(PointsReason kind) {
        return defaults.getOrDefault(kind, BUILT_IN.get(kind));
    }
}
