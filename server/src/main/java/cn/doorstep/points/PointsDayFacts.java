package cn.doorstep.points;

import java.time.LocalDate;
import java.util.Map;

/**
 * One China day of a community's ledger entries, by what they did (every entry naming the community counts in
 * exactly one figure; all are points, never negative).
 *
 * @param issued   points credited by reason: the earning kinds and positive adjustments (refunds apart)
 * @param deducted points taken off by negative adjustments
 * @param spent    points spent on rewards (REDEEM)
 * @param refunded points given back by cancelled or expired redemptions (REDEEM_REFUND)
 * @param expired  points that reached the end of their validity, from lots made in the community
 */
public record PointsDayFacts(long communityId, LocalDate day, Map<PointsReason, Long> issued, long deducted,
                             long spent, long refunded, long expired) {
}
