package cn.doorstep.points;

import java.time.LocalDate;

/**
 * A points statement (双积分 证明) was issued to a member of a community: published in its transaction for readers
 * that keep daily figures (the cockpit's statistics), which ask {@link PointsStatistics} again.
 */
public record StatementIssued(long communityId, LocalDate day) {
}
