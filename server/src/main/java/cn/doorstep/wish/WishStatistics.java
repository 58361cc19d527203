package cn.doorstep.wish;

import cn.doorstep.common.Zones;
import cn.doorstep.wish.internal.WishStatisticsMapper;
import cn.doorstep.wish.internal.WishStatisticsMapper.Posted;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The wish figures of a community's days, read from the wish table as it is now (for the cockpit's statistics,
 * which keep them per day and ask again on {@link WishChanged}). Two index range reads per call, whatever the
 * number of days.
 */
@Service
@Transactional(readOnly = true)
public class WishStatistics {

    private final WishStatisticsMapper wishes;

    WishStatistics(WishStatisticsMapper wishes) {
        this.wishes = wishes;
    }

    /** One fact record per day from {@code from} to {@code to} (China time, both included), empty days too. */
    public List<WishDayFacts> dailyFacts(long communityId, LocalDate from, LocalDate to) {
        Instant start = Zones.startOf(from);
        Instant until = Zones.endOf(to);
        Map<LocalDate, Day> days = new TreeMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.put(d, new Day());
        }
        for (Posted w : wishes.selectPosted(communityId, start, until)) {
            Day day = days.get(dayOf(w.createdAt()));
            WishStatus status = WishStatus.valueOf(w.status());
            day.byStatus.merge(status, 1L, Long::sum);
            day.byCategory.merge(WishCategory.valueOf(w.category()), 1L, Long::sum);
            if (w.publishedAt() != null && w.claimedAt() != null) {
                day.toClaim.add(minutes(w.publishedAt(), w.claimedAt()));
            }
            if (status == WishStatus.CONFIRMED && w.publishedAt() != null && w.confirmedAt() != null) {
                day.toConfirm.add(minutes(w.publishedAt(), w.confirmedAt()));
                if (w.rating() != null) {
                    day.ratingSum += w.rating();
                    day.rated++;
                }
            }
        }
        for (Instant confirmedAt : wishes.selectConfirmedAt(communityId, start, until)) {
            days.get(dayOf(confirmedAt)).confirmed++;
        }
        return days.entrySet().stream().map(e -> e.getValue().facts(communityId, e.getKey())).toList();
    }

    public WishDayFacts dailyFacts(long communityId, LocalDate day) {
        return dailyFacts(communityId, day, day).get(0);
    }

    private static LocalDate dayOf(Instant at) {
        return LocalDate.ofInstant(at, Zones.CHINA);
    }

    private static long minutes(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toMinutes());
    }

    private static final class Day {
        final Map<WishStatus, Long> byStatus = new EnumMap<>(WishStatus.class);
        final Map<WishCategory, Long> byCategory = new EnumMap<>(WishCategory.class);
        final List<Long> toClaim = new ArrayList<>();
        final List<Long> toConfirm = new ArrayList<>();
        long ratingSum;
        long rated;
        long confirmed;

        WishDayFacts facts(long communityId, LocalDate day) {
            return new WishDayFacts(communityId, day, byStatus, byCategory, toClaim, toConfirm, ratingSum, rated, confirmed);
        }
    }
}
