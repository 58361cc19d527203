package cn.doorstep.stats;

import cn.doorstep.stats.internal.Durations;
import cn.doorstep.stats.internal.StatsDailyMapper;
import cn.doorstep.stats.internal.StatsDailyMapper.DaySum;
import cn.doorstep.stats.internal.StatsDailyMapper.Sum;
import cn.doorstep.stats.internal.WishMetrics;
import cn.doorstep.wish.WishCategory;
import cn.doorstep.wish.WishStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Wish statistics of a scope and period, summed from stats_daily (two statements). */
@Service
@Transactional(readOnly = true)
class WishStatsQuery {

    private static final List<String> SUMMED = List.of(WishMetrics.STATUS, WishMetrics.CATEGORY,
            WishMetrics.CLAIM_MINUTES, WishMetrics.CONFIRM_MINUTES, WishMetrics.RATING_SUM, WishMetrics.RATED);
    private static final List<String> BY_DAY = List.of(WishMetrics.POSTED, WishMetrics.CONFIRMED);

    private final StatsDailyMapper daily;

    WishStatsQuery(StatsDailyMapper daily) {
        this.daily = daily;
    }

    WishStats of(StatsScope scope, StatsPeriod period) {
        boolean empty = !scope.city() && scope.communityIds().isEmpty();
        List<Sum> sums = empty ? List.of() : daily.sums(SUMMED, scope.communityIds(), period.from(), period.to());
        List<DaySum> days = empty ? List.of() : daily.daySums(BY_DAY, scope.communityIds(), period.from(), period.to());

        Map<String, Long> byStatus = new LinkedHashMap<>();
        Arrays.stream(WishStatus.values()).forEach(s -> byStatus.put(s.name(), 0L));
        Map<String, Long> byCategory = new HashMap<>();
        Map<Long, Long> toClaim = new HashMap<>();
        Map<Long, Long> toConfirm = new HashMap<>();
        long ratingSum = 0;
        long rated = 0;
        for (Sum s : sums) {
            switch (s.metric()) {
                case WishMetrics.STATUS -> byStatus.merge(s.dimension(), s.total(), Long::sum);
                case WishMetrics.CATEGORY -> byCategory.merge(s.dimension(), s.total(), Long::sum);
                case WishMetrics.CLAIM_MINUTES -> toClaim.merge(Long.parseLong(s.dimension()), s.total(), Long::sum);
                case WishMetrics.CONFIRM_MINUTES -> toConfirm.merge(Long.parseLong(s.dimension()), s.total(), Long::sum);
                case WishMetrics.RATING_SUM -> ratingSum += s.total();
                case WishMetrics.RATED -> rated += s.total();
                default -> { }
            }
        }
        long posted = byStatus.values().stream().mapToLong(Long::longValue).sum();
        List<WishStats.WishCategoryCount> categories = new ArrayList<>();
        Arrays.stream(WishCategory.values())
                .forEach(c -> categories.add(new WishStats.WishCategoryCount(c.name(), byCategory.getOrDefault(c.name(), 0L))));
        categories.sort(Comparator.comparingLong(WishStats.WishCategoryCount::count).reversed()); // stable: enum order on ties

        long settled = posted - byStatus.get(WishStatus.REJECTED.name()) - byStatus.get(WishStatus.CANCELLED.name())
                - byStatus.get(WishStatus.PENDING_REVIEW.name());
        BigDecimal completion = settled <= 0 ? null : BigDecimal.valueOf(byStatus.get(WishStatus.CONFIRMED.name()))
                .divide(BigDecimal.valueOf(settled), 4, RoundingMode.HALF_UP);
        BigDecimal rating = rated == 0 ? null
                : BigDecimal.valueOf(ratingSum).divide(BigDecimal.valueOf(rated), 2, RoundingMode.HALF_UP);

        Map<LocalDate, long[]> perDay = new HashMap<>();
        for (DaySum d : days) {
            perDay.computeIfAbsent(d.day(), k -> new long[2])[WishMetrics.POSTED.equals(d.metric()) ? 0 : 1] += d.total();
        }
        List<WishStats.WishDay> dailyRows = new ArrayList<>();
        for (LocalDate d = period.from(); !d.isAfter(period.to()); d = d.plusDays(1)) {
            long[] v = perDay.getOrDefault(d, new long[2]);
            dailyRows.add(new WishStats.WishDay(d, v[0], v[1]));
        }
        return new WishStats(scope, period.from(), period.to(), posted, byStatus, categories,
                Durations.median(toClaim), Durations.median(toConfirm), completion, rating, dailyRows);
    }
}
