package cn.doorstep.stats;

import cn.doorstep.booking.BookingStatistics;
import cn.doorstep.common.Transactions;
import cn.doorstep.party.PartyStatistics;
import cn.doorstep.points.PointsStatistics;
import cn.doorstep.rider.RiderStatistics;
import cn.doorstep.community.CommunityService;
import cn.doorstep.report.ReportStatistics;
import cn.doorstep.reward.RewardStatistics;
import cn.doorstep.stats.internal.BookingMetrics;
import cn.doorstep.stats.internal.PartyMetrics;
import cn.doorstep.stats.internal.PointsMetrics;
import cn.doorstep.stats.internal.RiderMetrics;
import cn.doorstep.stats.internal.ReportMetrics;
import cn.doorstep.stats.internal.StatsDailyMapper;
import cn.doorstep.stats.internal.StatsRow;
import cn.doorstep.stats.internal.WishMetrics;
import cn.doorstep.wish.WishStatistics;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
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
    /** Rows per INSERT statement. */
    private static final int INSERT_BATCH = 500;

    private final StatsDailyMapper daily;
    private final WishStatistics wishes;
    private final BookingStatistics bookings;
    private final RiderStatistics riders;
    private final PointsStatistics points;
    private final PartyStatistics party;
    private final ReportStatistics reports;
    private final RewardStatistics rewards;
    private final CommunityService communities;
    private final Transactions transactions;
    private final Clock clock;

    StatsFolding(StatsDailyMapper daily, WishStatistics wishes, BookingStatistics bookings, RiderStatistics riders,
                 PointsStatistics points, PartyStatistics party, ReportStatistics reports, RewardStatistics rewards,
                 CommunityService communities, Transactions transactions, Clock clock) {
        this.rewards = rewards;
        this.party = party;
        this.riders = riders;
        this.points = points;
        this.daily = daily;
        this.wishes = wishes;
        this.bookings = bookings;
        this.reports = reports;
        this.communities = communities;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Replaces the community's wish rows of {@code from}..{@code to} with the wish module's facts. */
    public void foldWishes(long communityId, LocalDate from, LocalDate to) {
        fold(communityId, WishMetrics.FAMILY, from, to, () -> wishes.dailyFacts(communityId, from, to).stream()
                .flatMap(f -> WishMetrics.rows(f).stream()).toList());
    }

    /** Replaces the community's booking rows of {@code from}..{@code to} with the booking module's facts. */
    public void foldBookings(long communityId, LocalDate from, LocalDate to) {
        fold(communityId, BookingMetrics.FAMILY, from, to, () -> bookings.dailyFacts(communityId, from, to).stream()
                .flatMap(f -> BookingMetrics.rows(f).stream()).toList());
    }

    /** Replaces the community's rider rows (check-ins, registrations, statements) of {@code from}..{@code to}. */
    public void foldRiders(long communityId, LocalDate from, LocalDate to) {
        fold(communityId, RiderMetrics.FAMILY, from, to, () -> {
            var statements = points.statementsIssued(communityId, from, to);
            return riders.dailyFacts(communityId, from, to).stream()
                    .flatMap(f -> RiderMetrics.rows(f, statements.getOrDefault(f.day(), 0L)).stream()).toList();
        });
    }

    /** Replaces the community's party rows (units' services) of {@code from}..{@code to}. */
    public void foldParty(long communityId, LocalDate from, LocalDate to) {
        fold(communityId, PartyMetrics.FAMILY, from, to,
                () -> PartyMetrics.rows(communityId, party.servicesByDay(communityId, from, to)));
    }

    /** Replaces the community's report rows of {@code from}..{@code to} with the report module's facts. */
    public void foldReports(long communityId, LocalDate from, LocalDate to) {
        fold(communityId, ReportMetrics.FAMILY, from, to, () -> reports.dailyFacts(communityId, from, to).stream()
                .flatMap(f -> ReportMetrics.rows(f).stream()).toList());
    }

    /** Replaces the community's points rows (ledger entries, redemptions by reward) of {@code from}..{@code to}. */
    public void foldPoints(long communityId, LocalDate from, LocalDate to) {
        fold(communityId, PointsMetrics.FAMILY, from, to, () -> {
            var rows = new ArrayList<StatsRow>();
            points.dailyFacts(communityId, from, to).forEach(f -> rows.addAll(PointsMetrics.rows(f)));
            rewards.redemptionsByDay(communityId, from, to).forEach(d -> rows.addAll(PointsMetrics.rows(d)));
            return rows;
        });
    }

    /** The community of a station, for events that name a station; empty for an unknown one. */
    public Optional<Long> communityOfStation(long stationId) {
        return bookings.communityOf(stationId);
    }

    private void fold(long communityId, String family, LocalDate from, LocalDate to, Supplier<List<StatsRow>> facts) {
        transactions.readCommitted(() -> {
            daily.lockFold(communityId, family, clock.instant());
            daily.deleteFold(communityId, family, from, to);
            List<StatsRow> rows = facts.get(); // read after the lock: sees every change committed before it
            for (int i = 0; i < rows.size(); i += INSERT_BATCH) {
                daily.insertRows(rows.subList(i, Math.min(rows.size(), i + INSERT_BATCH)), clock.instant());
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
                LocalDate last = end.isAfter(to) ? to : end;
                foldWishes(id, start, last);
                foldBookings(id, start, last);
                foldRiders(id, start, last);
                foldParty(id, start, last);
                foldReports(id, start, last);
                foldPoints(id, start, last);
            }
        }
        return ids.size();
    }
}
