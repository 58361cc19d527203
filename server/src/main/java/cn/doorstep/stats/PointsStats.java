package cn.doorstep.stats;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A scope's points and rewards over a period (statistics.md defines every figure).
 *
 * @param issued          points credited in the period by entries naming the scope's communities (earned, and
 *                        positive adjustments; refunds apart)
 * @param issuedByReason  the same by reason: every earning kind and ADJUSTMENT, 0 included
 * @param deducted        points taken off by negative adjustments
 * @param spent           points spent on rewards
 * @param refunded        points given back by cancelled or expired redemptions
 * @param expired         points that expired, from lots made in the scope
 * @param outstanding     the points the scope's members hold now (not bound to the period)
 * @param redemptions     live redemptions (to collect or collected) of the scope's rewards made in the period
 * @param inconsistentRewards how many of the scope's rewards fail the stock check now
 */
public record PointsStats(StatsScope scope, LocalDate from, LocalDate to, long issued, Map<String, Long> issuedByReason,
                          long deducted, long spent, long refunded, long expired, long outstanding, long redemptions,
                          List<RewardRedemptions> byReward, List<RewardStock> stock, long inconsistentRewards,
                          List<PointsDay> daily) {

    /** One reward's live redemptions made in the period and the points they cost; name null for one since removed. */
    public record RewardRedemptions(long rewardId, String name, long redemptions, long points) {
    }

    /** A reward's stock books now: consistent when stock + redeemed = stockedIn. */
    public record RewardStock(long rewardId, String name, long stock, long stockedIn, long redeemed, boolean consistent) {
    }

    public record PointsDay(LocalDate date, long issued, long spent, long expired, long redemptions) {
    }
}
