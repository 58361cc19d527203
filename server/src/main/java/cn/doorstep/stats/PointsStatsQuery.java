package cn.doorstep.stats;

import cn.doorstep.points.PointsReason;
import cn.doorstep.points.PointsStatistics;
import cn.doorstep.reward.RewardStatistics;
import cn.doorstep.stats.internal.PointsMetrics;
import cn.doorstep.stats.internal.StatsDailyMapper;
import cn.doorstep.stats.internal.StatsDailyMapper.DayDimensionSum;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Points statistics of a scope and period: stats_daily sums, and two live reads: the points the scope's members hold
 * (points module) and the stock books of its rewards (reward module).
 */
@Service
@Transactional(readOnly = true)
class PointsStatsQuery {

    private static final List<String> METRICS = List.of(PointsMetrics.ISSUED, PointsMetrics.DEDUCTED,
            PointsMetrics.SPENT, PointsMetrics.REFUNDED, PointsMetrics.EXPIRED, PointsMetrics.REDEMPTIONS,
            PointsMetrics.REDEEMED_POINTS);

    private final StatsDailyMapper daily;
    private final PointsStatistics points;
    private final RewardStatistics rewards;

    PointsStatsQuery(StatsDailyMapper daily, PointsStatistics points, RewardStatistics rewards) {
        this.daily = daily;
        this.points = points;
        this.rewards = rewards;
    }

    PointsStats of(StatsScope scope, StatsPeriod period) {
        boolean empty = !scope.city() && scope.communityIds().isEmpty();
        List<DayDimensionSum> sums = empty ? List.of()
                : daily.dayDimensionSums(METRICS, scope.communityIds(), period.from(), period.to());

        Map<String, Long> byReason = new LinkedHashMap<>();
        Arrays.stream(PointsReason.values()).filter(r -> r.earning() || r == PointsReason.ADJUSTMENT)
                .forEach(r -> byReason.put(r.name(), 0L));
        Map<String, Long> totals = new HashMap<>();
        Map<LocalDate, Map<String, Long>> perDay = new HashMap<>();
        Map<Long, long[]> byReward = new TreeMap<>();
        for (DayDimensionSum s : sums) {
            totals.merge(s.metric(), s.total(), Long::sum);
            perDay.computeIfAbsent(s.day(), k -> new HashMap<>()).merge(s.metric(), s.total(), Long::sum);
            switch (s.metric()) {
                case PointsMetrics.ISSUED -> byReason.merge(s.dimension(), s.total(), Long::sum);
                case PointsMetrics.REDEMPTIONS -> byReward.computeIfAbsent(Long.parseLong(s.dimension()),
                        k -> new long[2])[0] += s.total();
                case PointsMetrics.REDEEMED_POINTS -> byReward.computeIfAbsent(Long.parseLong(s.dimension()),
                        k -> new long[2])[1] += s.total();
                default -> { }
            }
        }

        List<PointsStats.RewardStock> stock = rewards.stock(scope.communityIds()).stream()
                .map(b -> new PointsStats.RewardStock(b.rewardId(), b.name(), b.stock(), b.stockedIn(), b.redeemed(),
                        b.consistent())).toList();
        Map<Long, String> names = new HashMap<>();
        stock.forEach(s -> names.put(s.rewardId(), s.name()));
        var rewardRows = new ArrayList<PointsStats.RewardRedemptions>();
        byReward.forEach((id, n) -> rewardRows.add(new PointsStats.RewardRedemptions(id, names.get(id), n[0], n[1])));

        var dailyRows = new ArrayList<PointsStats.PointsDay>();
        for (LocalDate d = period.from(); !d.isAfter(period.to()); d = d.plusDays(1)) {
            Map<String, Long> m = perDay.getOrDefault(d, Map.of());
            dailyRows.add(new PointsStats.PointsDay(d, m.getOrDefault(PointsMetrics.ISSUED, 0L),
                    m.getOrDefault(PointsMetrics.SPENT, 0L), m.getOrDefault(PointsMetrics.EXPIRED, 0L),
                    m.getOrDefault(PointsMetrics.REDEMPTIONS, 0L)));
        }
        return new PointsStats(scope, period.from(), period.to(), totals.getOrDefault(PointsMetrics.ISSUED, 0L), byReason,
                totals.getOrDefault(PointsMetrics.DEDUCTED, 0L), totals.getOrDefault(PointsMetrics.SPENT, 0L),
                totals.getOrDefault(PointsMetrics.REFUNDED, 0L), totals.getOrDefault(PointsMetrics.EXPIRED, 0L),
                empty ? 0 : points.outstanding(scope.communityIds()), totals.getOrDefault(PointsMetrics.REDEMPTIONS, 0L),
                rewardRows, stock, stock.stream().filter(s -> !s.consistent()).count(), dailyRows);
    }
}
