package cn.doorstep.report;

import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Service;

/**
 * When a report must be accepted and resolved. (Skeleton: plain hours and days; the deadlines work makes
 * them per category and counts working days on the holiday calendar.)
 */
@Service
public class ReportDeadlines {

    private final ReportProperties properties;

    ReportDeadlines(ReportProperties properties) {
        this.properties = properties;
    }

    /** The time by which the grid must accept a report of this category filed at {@code filedAt}. */
    public Instant acceptDue(ReportCategory category, Instant filedAt) {
        return filedAt.plus(properties.acceptWithin());
    }

    /** The time by which a report of this category accepted at {@code acceptedAt} must be resolved. */
    public Instant resolveDue(ReportCategory category, Instant acceptedAt) {
        return acceptedAt.plus(Duration.ofDays(properties.resolveWorkingDays()));
    }
}
