package cn.doorstep.stats;

import cn.doorstep.party.PartyStatistics;
import cn.doorstep.stats.internal.PartyMetrics;
import cn.doorstep.stats.internal.StatsDailyMapper;
import cn.doorstep.stats.internal.StatsDailyMapper.DayDimensionSum;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 双报到 statistics: units' services by month from stats_daily; confirmed members now from the party module. */
@Service
@Transactional(readOnly = true)
class PartyStatsQuery {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");
    private static final List<String> METRICS = List.of(PartyMetrics.SERVICES, PartyMetrics.HOURS,
            PartyMetrics.RATING_SUM, PartyMetrics.RATED);

    private final StatsDailyMapper daily;
    private final PartyStatistics party;

    PartyStatsQuery(StatsDailyMapper daily, PartyStatistics party) {
        this.daily = daily;
        this.party = party;
    }

    PartyStats of(StatsScope scope, StatsPeriod period) {
        boolean empty = !scope.city() && scope.communityIds().isEmpty();
        List<DayDimensionSum> days = empty ? List.of()
                : daily.dayDimensionSums(METRICS, scope.communityIds(), period.from(), period.to());
        // unit, month -> services, hours tenths, rating sum, rated
        Map<Long, Map<String, long[]>> byUnit = new TreeMap<>();
        for (DayDimensionSum d : days) {
            long[] v = byUnit.computeIfAbsent(Long.parseLong(d.dimension()), k -> new TreeMap<>())
                    .computeIfAbsent(MONTH.format(d.day()), k -> new long[4]);
            v[METRICS.indexOf(d.metric())] += d.total();
        }
        Map<Long, Long> members = new TreeMap<>(party.confirmedMembersByUnit(scope.communityIds()));
        Set<Long> units = new HashSet<>(members.keySet());
        units.addAll(byUnit.keySet());
        Map<Long, String> names = party.unitNames(units);

        var memberRows = new ArrayList<PartyStats.UnitMembers>();
        members.forEach((unit, n) -> memberRows.add(new PartyStats.UnitMembers(unit, names.get(unit), n)));
        var monthRows = new ArrayList<PartyStats.UnitMonth>();
        byUnit.forEach((unit, months) -> months.forEach((month, v) -> monthRows.add(new PartyStats.UnitMonth(unit,
                names.get(unit), month, v[0], BigDecimal.valueOf(v[1], 1),
                v[3] == 0 ? null : BigDecimal.valueOf(v[2]).divide(BigDecimal.valueOf(v[3]), 2, RoundingMode.HALF_UP)))));
        return new PartyStats(scope, period.from(), period.to(),
                members.values().stream().mapToLong(Long::longValue).sum(), memberRows, monthRows);
    }
}
