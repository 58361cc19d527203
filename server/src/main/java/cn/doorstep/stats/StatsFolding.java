package cn.doorstep.stats;

import cn.doorstep.common.Transactions;
import cn.doorstep.community.CommunityService;
import cn.doorstep.stats.internal.StatsDailyMapper;
import cn.doorstep.stats.internal.StatsRow;
import cn.doorstep.stats.internal.WishMetrics;
import cn.doorstep.wish.WishStatistics;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Folding the sources' daily facts into stats_daily. A fold of a community's days replaces that community's rows
 * of the family for those days with what the source says now, so running it again (a redelivered event, the
 * safety net, a rebuild) writes the same rows. Each fold is one READ COMMITTED transaction that first takes the
 * community's stats_fold row: two folds of one community never interleave, and the later one reads the source
 * after the earlier one committed, so an older reading never overwrites a newer one.
 */
@Service
public class StatsFolding {

    /** Days of one community folded in one transaction by a rebuild. */
    static final int CHUNK_DAYS = 31;

    private final StatsDailyMapper daily;
    private final WishStatistics wishes;
    private final CommunityService communities;
    private final Transactions transactions;
    private final Clock clock;

    StatsFolding(StatsDailyMapper daily, WishStatistics wishes, CommunityService communities,
                 Transactions transactions, Clock clock) {
        this.daily = daily;
        this.wishes = wishes;
        this.communities = communities;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Replaces the community's wish rows of {@code from}..{@code to} with the wish module's facts. */
    public void foldWishes(long communityId, LocalDate from, LocalDate to) {
        transactions.readCommitted(() -> {
            daily.lockFold(communityId, WishMetrics.FAMILY, clock.instant());
            daily.deleteFold(communityId, WishMetrics.FAMILY, from, to);
            List<StatsRow> rows = new ArrayList<>();
            wishes.dailyFacts(communityId, from, to).forEach(f -> rows.addAll(WishMetrics.rows(f)));
            if (!rows.isEmpty()) {
                daily.insertRows(rows, clock.instant());
            }
            return rows.size();
        });
    }

    /** Every family of every community, {@code from}..{@code to}, in chunks of days; returns the communities folded. */
    public int refoldAll(LocalDate from, LocalDate to) {
        List<Long> ids = communities.regions().stream().flatMap(d -> d.streets().stream())
                .flatMap(s -> s.communities().stream()).map(c -> c.id()).toList();
        for (long id : ids) {
            for (LocalDate start = from; !start.isAfter(to); start = start.plusDays(CHUNK_DAYS)) {
                LocalDate end = start.plusDays(CHUNK_DAYS - 1);
                foldWishes(id, start, end.isAfter(to) ? to : end);
            }
        }
        return ids.size();
    }
}
