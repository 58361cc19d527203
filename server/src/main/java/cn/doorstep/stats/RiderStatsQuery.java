package cn.doorstep.stats;

import cn.doorstep.rider.RiderStatistics;
import cn.doorstep.station.StationDirectory;
import cn.doorstep.station.StationDirectory.StationRef;
import cn.doorstep.stats.internal.RiderMetrics;
import cn.doorstep.stats.internal.StatsDailyMapper;
import cn.doorstep.stats.internal.StatsDailyMapper.DaySum;
import cn.doorstep.stats.internal.StatsDailyMapper.StationSum;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Rider statistics of a scope and period: stats_daily sums, and the riders verified now from the rider module. */
@Service
@Transactional(readOnly = true)
class RiderStatsQuery {

    private static final List<String> METRICS = List.of(RiderMetrics.CHECKINS, RiderMetrics.REGISTERED,
            RiderMetrics.VERIFIED, RiderMetrics.STATEMENTS);

    private final StatsDailyMapper daily;
    private final StationDirectory stations;
    private final RiderStatistics riders;

    RiderStatsQuery(StatsDailyMapper daily, StationDirectory stations, RiderStatistics riders) {
        this.daily = daily;
        this.stations = stations;
        this.riders = riders;
    }

    RiderStats of(StatsScope scope, StatsPeriod period) {
        boolean empty = !scope.city() && scope.communityIds().isEmpty();
        List<StationSum> byStation = empty ? List.of()
                : daily.stationSums(List.of(RiderMetrics.CHECKINS), scope.communityIds(), period.from(), period.to());
        List<DaySum> days = empty ? List.of() : daily.daySums(METRICS, scope.communityIds(), period.from(), period.to());

        Map<Long, Long> checkinsByStation = new TreeMap<>();
        byStation.forEach(s -> checkinsByStation.merge(s.stationId(), s.total(), Long::sum));
        Map<Long, StationRef> names = stations.findAnyState(checkinsByStation.keySet());
        var stationRows = new ArrayList<RiderStats.StationCheckins>();
        checkinsByStation.forEach((id, n) -> stationRows.add(new RiderStats.StationCheckins(id,
                names.containsKey(id) ? names.get(id).name() : null, n)));

        Map<LocalDate, Map<String, Long>> perDay = new HashMap<>();
        Map<String, Long> totals = new HashMap<>();
        for (DaySum d : days) {
            perDay.computeIfAbsent(d.day(), k -> new HashMap<>()).merge(d.metric(), d.total(), Long::sum);
            totals.merge(d.metric(), d.total(), Long::sum);
        }
        var dailyRows = new ArrayList<RiderStats.RiderDay>();
        for (LocalDate d = period.from(); !d.isAfter(period.to()); d = d.plusDays(1)) {
            Map<String, Long> m = perDay.getOrDefault(d, Map.of());
            dailyRows.add(new RiderStats.RiderDay(d, m.getOrDefault(RiderMetrics.CHECKINS, 0L),
                    m.getOrDefault(RiderMetrics.REGISTERED, 0L), m.getOrDefault(RiderMetrics.VERIFIED, 0L),
                    m.getOrDefault(RiderMetrics.STATEMENTS, 0L)));
        }
        return new RiderStats(scope, period.from(), period.to(), totals.getOrDefault(RiderMetrics.CHECKINS, 0L),
                totals.getOrDefault(RiderMetrics.REGISTERED, 0L), totals.getOrDefault(RiderMetrics.VERIFIED, 0L),
                riders.verifiedNow(scope.communityIds()), totals.getOrDefault(RiderMetrics.STATEMENTS, 0L),
                stationRows, dailyRows);
    }
}
