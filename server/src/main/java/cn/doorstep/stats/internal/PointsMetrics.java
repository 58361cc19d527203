package cn.doorstep.stats.internal;

import cn.doorstep.points.PointsDayFacts;
import cn.doorstep.reward.RewardStatistics.RewardDay;
import java.util.ArrayList;
import java.util.List;

/**
 * The points family's metrics: the ledger entries naming the community by what they did (PointsStatistics), and its
 * live redemptions by the day they were made and the reward (RewardStatistics; dimension: the reward's id).
 */
public final class PointsMetrics {

    public static final String FAMILY = "points";
    /** dimension: the reason (an earning kind, or ADJUSTMENT) */
    public static final String ISSUED = "points.issued";
    public static final String DEDUCTED = "points.deducted";
    public static final String SPENT = "points.spent";
    public static final String REFUNDED = "points.refunded";
    public static final String EXPIRED = "points.expired";
    /** dimension: the reward id; how many live redemptions were made */
    public static final String REDEMPTIONS = "points.redemptions";
    /** dimension: the reward id; the points they cost */
    public static final String REDEEMED_POINTS = "points.redeemed_points";

    private PointsMetrics() {
    }

    public static List<StatsRow> rows(PointsDayFacts f) {
        var rows = new ArrayList<StatsRow>();
        f.issued().forEach((reason, n) -> add(rows, ISSUED, f.communityId(), f, reason.name(), n));
        add(rows, DEDUCTED, f.communityId(), f, "", f.deducted());
        add(rows, SPENT, f.communityId(), f, "", f.spent());
        add(rows, REFUNDED, f.communityId(), f, "", f.refunded());
        add(rows, EXPIRED, f.communityId(), f, "", f.expired());
        return rows;
    }

    public static List<StatsRow> rows(RewardDay d) {
        var rows = new ArrayList<StatsRow>();
        String reward = Long.toString(d.rewardId());
        if (d.redemptions() != 0) {
            rows.add(new StatsRow(REDEMPTIONS, d.communityId(), d.day(), 0, reward, d.redemptions()));
            rows.add(new StatsRow(REDEEMED_POINTS, d.communityId(), d.day(), 0, reward, d.points()));
        }
        return rows;
    }

    private static void add(List<StatsRow> rows, String metric, long community, PointsDayFacts f, String dimension,
                            long value) {
        if (value != 0) {
            rows.add(new StatsRow(metric, community, f.day(), 0, dimension, value));
        }
    }
}
