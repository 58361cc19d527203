package cn.doorstep.stats;

import cn.doorstep.common.ApiException;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.Zones;
import cn.doorstep.community.CommunityService;
import cn.doorstep.stats.internal.Durations;
import cn.doorstep.stats.internal.StatsDailyMapper;
import cn.doorstep.stats.internal.StatsDailyMapper.CommunitySum;
import cn.doorstep.stats.internal.WishMetrics;
import cn.doorstep.wish.WishStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The weekly ranking (排名) of a street's or district's communities by micro-wishes (the 通报 of issue 19): one
 * statement over stats_daily grouped by community.
 */
@Service
@Transactional(readOnly = true)
class WishRankings {

    private static final Pattern WEEK = Pattern.compile("\\d{4}-W\\d{2}");
    private static final List<String> METRICS = List.of(WishMetrics.STATUS, WishMetrics.CLAIM_MINUTES,
            WishMetrics.RATING_SUM, WishMetrics.RATED);

    /** 办结率 high first (none last), then the median time to claim low first (none last), then by id. */
    private static final Comparator<WishRanking.WishRankingRow> ORDER = Comparator
            .comparing(WishRanking.WishRankingRow::completionRate, Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()))
            .thenComparing(WishRanking.WishRankingRow::medianMinutesToClaim, Comparator.nullsLast(Comparator.<Long>naturalOrder()))
            .thenComparing(WishRanking.WishRankingRow::communityId);

    private final StatsScopes scopes;
    private final StatsDailyMapper daily;
    private final CommunityService communities;
    private final Clock clock;

    WishRankings(StatsScopes scopes, StatsDailyMapper daily, CommunityService communities, Clock clock) {
        this.scopes = scopes;
        this.daily = daily;
        this.communities = communities;
        this.clock = clock;
    }

    WishRanking rank(CurrentUser me, Long streetId, Long districtId, String week) {
        if (streetId == null && districtId == null) {
            throw ApiException.badField(StatsError.SCOPE_INVALID, "streetId", "give streetId or districtId");
        }
        StatsScope scope = scopes.require(me, null, streetId, districtId);
        LocalDate monday = monday(week);
        LocalDate sunday = monday.plusDays(6);
        String isoWeek = monday.get(IsoFields.WEEK_BASED_YEAR) + "-W"
                + String.format("%02d", monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        List<CommunitySum> sums = scope.communityIds().isEmpty() ? List.of()
                : daily.communitySums(METRICS, scope.communityIds(), monday, sunday);

        Map<Long, Sums> byCommunity = new HashMap<>();
        for (CommunitySum s : sums) {
            Sums c = byCommunity.computeIfAbsent(s.communityId(), k -> new Sums());
            switch (s.metric()) {
                case WishMetrics.STATUS -> c.byStatus.merge(s.dimension(), s.total(), Long::sum);
                case WishMetrics.CLAIM_MINUTES -> c.toClaim.merge(Long.parseLong(s.dimension()), s.total(), Long::sum);
                case WishMetrics.RATING_SUM -> c.ratingSum += s.total();
                case WishMetrics.RATED -> c.rated += s.total();
                default -> { }
            }
        }
        Map<Long, String> names = communities.namesOf(scope.communityIds());
        List<WishRanking.WishRankingRow> rows = scope.communityIds().stream()
                .map(id -> byCommunity.getOrDefault(id, new Sums()).row(id, names.get(id))).sorted(ORDER).toList();
        String title = "第" + monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + "周社区微心愿办理情况通报";
        return new WishRanking(scope, isoWeek, monday, sunday, title, ranked(rows));
    }

    /** Competition ranks (1, 1, 3); a row with nothing to divide has none. */
    private static List<WishRanking.WishRankingRow> ranked(List<WishRanking.WishRankingRow> sorted) {
        var out = new ArrayList<WishRanking.WishRankingRow>(sorted.size());
        WishRanking.WishRankingRow previous = null;
        int rank = 0;
        for (int i = 0; i < sorted.size(); i++) {
            var r = sorted.get(i);
            if (r.completionRate() == null) {
                out.add(r);
                continue;
            }
            boolean tie = previous != null && previous.completionRate().compareTo(r.completionRate()) == 0
                    && Objects.equals(previous.medianMinutesToClaim(), r.medianMinutesToClaim());
            rank = tie ? rank : i + 1;
            previous = r;
            out.add(new WishRanking.WishRankingRow(rank, r.communityId(), r.name(), r.posted(), r.confirmed(),
                    r.completionRate(), r.medianMinutesToClaim(), r.averageRating()));
        }
        return out;
    }

    /** The Monday of {@code week} ({@code 2026-W49}), or of the last whole week (China time) when absent. */
    private LocalDate monday(String week) {
        if (week == null || week.isBlank()) {
            return LocalDate.ofInstant(clock.instant(), Zones.CHINA).minusWeeks(1)
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }
        if (WEEK.matcher(week).matches()) {
            try {
                LocalDate monday = LocalDate.parse(week + "-1", DateTimeFormatter.ISO_WEEK_DATE);
                if (monday.getYear() >= 1900 && monday.plusDays(6).getYear() <= 9999) {
                    return monday;
                }
            } catch (DateTimeParseException e) {
                // W00, or W53 of a year with 52 weeks: below
            }
        }
        throw ApiException.badField(StatsError.PERIOD_INVALID, "week", "must be an ISO week such as 2026-W49");
    }

    private static final class Sums {
        final Map<String, Long> byStatus = new HashMap<>();
        final Map<Long, Long> toClaim = new HashMap<>();
        long ratingSum;
        long rated;

        WishRanking.WishRankingRow row(long id, String name) {
            long posted = byStatus.values().stream().mapToLong(Long::longValue).sum();
            long confirmed = byStatus.getOrDefault(WishStatus.CONFIRMED.name(), 0L);
            long settled = posted - byStatus.getOrDefault(WishStatus.REJECTED.name(), 0L)
                    - byStatus.getOrDefault(WishStatus.CANCELLED.name(), 0L)
                    - byStatus.getOrDefault(WishStatus.PENDING_REVIEW.name(), 0L);
            BigDecimal rate = settled <= 0 ? null
                    : BigDecimal.valueOf(confirmed).divide(BigDecimal.valueOf(settled), 4, RoundingMode.HALF_UP);
            BigDecimal rating = rated == 0 ? null
                    : BigDecimal.valueOf(ratingSum).divide(BigDecimal.valueOf(rated), 2, RoundingMode.HALF_UP);
            return new WishRanking.WishRankingRow(null, id, name, posted, confirmed, rate, Durations.median(toClaim), rating);
        }
    }
}
