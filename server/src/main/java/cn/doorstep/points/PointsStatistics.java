package cn.doorstep.points;

import cn.doorstep.common.Zones;
import cn.doorstep.points.internal.LedgerStatisticsMapper;
import cn.doorstep.points.internal.LedgerStatisticsMapper.Movement;
import cn.doorstep.points.statement.internal.StatementStatisticsMapper;
import cn.doorstep.user.UserService;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The points figures of a community's days for the cockpit's statistics (asked again on {@link StatementIssued} and
 * {@link PointsChanged}), and the points its members hold now.
 */
@Service
@Transactional(readOnly = true)
public class PointsStatistics {

    /** Users per statement when summing balances. */
    private static final int BALANCE_BATCH = 1000;

    private final StatementStatisticsMapper statements;
    private final LedgerStatisticsMapper ledger;
    private final UserService users;

    PointsStatistics(StatementStatisticsMapper statements, LedgerStatisticsMapper ledger, UserService users) {
        this.statements = statements;
        this.ledger = ledger;
        this.users = users;
    }

    /** Statements issued to the community's members each China day from {@code from} to {@code to}, every day listed. */
    public Map<LocalDate, Long> statementsIssued(long communityId, LocalDate from, LocalDate to) {
        Map<LocalDate, Long> days = new LinkedHashMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.put(d, 0L);
        }
        for (Instant at : statements.selectIssuedAt(communityId, Zones.startOf(from), Zones.endOf(to))) {
            days.merge(LocalDate.ofInstant(at, Zones.CHINA), 1L, Long::sum);
        }
        return days;
    }

    /** The ledger entries naming the community, one record per China day from {@code from} to {@code to}, empty days too. */
    public List<PointsDayFacts> dailyFacts(long communityId, LocalDate from, LocalDate to) {
        Map<LocalDate, Map<PointsReason, Long>> issued = new HashMap<>();
        Map<LocalDate, long[]> other = new HashMap<>(); // deducted, spent, refunded, expired
        for (Movement m : ledger.selectMovements(communityId, Zones.startOf(from), Zones.endOf(to))) {
            LocalDate day = LocalDate.ofInstant(m.createdAt(), Zones.CHINA);
            PointsReason reason = PointsReason.valueOf(m.reason());
            long[] o = other.computeIfAbsent(day, k -> new long[4]);
            switch (reason) {
                case REDEEM -> o[1] += -m.delta();
                case REDEEM_REFUND -> o[2] += m.delta();
                case EXPIRE -> o[3] += -m.delta();
                default -> {
                    if (m.delta() >= 0) {
                        issued.computeIfAbsent(day, k -> new EnumMap<>(PointsReason.class)).merge(reason, m.delta(), Long::sum);
                    } else {
                        o[0] += -m.delta();
                    }
                }
            }
        }
        var out = new ArrayList<PointsDayFacts>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            long[] o = other.getOrDefault(d, new long[4]);
            out.add(new PointsDayFacts(communityId, d, issued.getOrDefault(d, Map.of()), o[0], o[1], o[2], o[3]));
        }
        return out;
    }

    /**
     * The points held now by the members of {@code communityIds} (users whose community it is); by every account
     * when null (the whole city). Points past their validity count until the expiry job or the holder's next use
     * writes them off (within minutes).
     */
    public long outstanding(Collection<Long> communityIds) {
        if (communityIds == null) {
            return ledger.sumBalances(null);
        }
        List<Long> members = users.memberIds(communityIds);
        long total = 0;
        for (int i = 0; i < members.size(); i += BALANCE_BATCH) {
            total += ledger.sumBalances(members.subList(i, Math.min(members.size(), i + BALANCE_BATCH)));
        }
        return total;
    }
}
