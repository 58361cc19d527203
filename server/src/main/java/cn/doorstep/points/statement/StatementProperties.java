package cn.doorstep.points.statement;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code doorstep.points.statements.*}.
 *
 * @param validFor       how long a statement's code can be read after it is issued
 * @param maxDays        the longest period one statement covers
 * @param issuesPerDay   statements one user may issue per day
 * @param readsPerMinute public reads per client address per minute (codes are unguessable; this
 *                       keeps anyone from trying)
 */
@ConfigurationProperties("doorstep.points.statements")
public record StatementProperties(
        @DefaultValue("P90D") Duration validFor,
        @DefaultValue("366") int maxDays,
        @DefaultValue("20") int issuesPerDay,
        @DefaultValue("60") int readsPerMinute) {
}
