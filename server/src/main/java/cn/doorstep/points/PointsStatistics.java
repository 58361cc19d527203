package cn.doorstep.points;

import cn.doorstep.common.Zones;
import cn.doorstep.points.statement.internal.StatementStatisticsMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The points figures of a community's days for the cockpit's statistics (asked again on {@link StatementIssued}). */
@Service
@Transactional(readOnly = true)
public class PointsStatistics {

    private final StatementStatisticsMapper statements;

    PointsStatistics(StatementStatisticsMapper statements) {
        this.statements = statements;
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
}
