package cn.doorstep.points;

import java.time.LocalDate;

/**
 * A ledger entry naming a community was written (points earned, adjusted, spent, given back or expired): published
 * in its transaction for readers that keep daily figures (the cockpit's statistics), which ask
 * {@link PointsStatistics} again for that day of the community.
 */
public record PointsChanged(long communityId, LocalDate day) {
}
