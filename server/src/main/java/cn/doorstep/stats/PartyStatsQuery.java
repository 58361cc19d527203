package cn.doorstep.stats;

import cn.doorstep.party.PartyStatistics;
import cn.doorstep.stats.internal.PartyMetrics;
import cn.doorstep.stats.internal.StatsDailyMapper;
import cn.doorstep.stats.internal.StatsDailyMapper.DayDimensionSum;
import cn.doorstep.stats.internal.StatsDailyMapper.Sum;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 双报到 statistics of a scope and period, summed from stats_daily (three statements and the units' names). */
@Service
@Transactional(readOnly = true)
class PartyStatsQuery {

    /** The first day a DATE column holds: members are counted from the beginning. */
    static final LocalDate BEGINNING = LocalDate.of(1000, 1, 1);
    private static final List<String> SERVICE = List.of(PartyMetrics.WISHES, PartyMetrics.HOURS_TENTHS,
            PartyMetrics.RATING_SUM, PartyMetrics.RATED);

    private final StatsDailyMapper daily;
    private final PartyStatistics party;

    PartyStatsQuery(StatsDailyMapper daily, PartyStatistics party) {
        this.daily = daily;
        this.party = party;
    }

    PartyStats of(StatsScope scope, StatsPeriod period) {
        boolean empty = !scope.city() && scope.communityIds().isEmpty();
        List<Sum> members = empty ? List.of()
                : daily.sums(List.of(PartyMetrics.MEMBERS), scope.communityIds(), BEGINNING, period.to());
        List<Sum> joined = empty ? List.of()
                : daily.sums(List.of(PartyMetrics.MEMBERS), scope.communityIds(), period.from(), period.to());
        List<DayDimensionSum> served = empty ? List.of()
                : daily.dayDimensionSums(SERVICE, scope.communityIds(), period.from(), period.to());

        List<String> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(period.from()); !m.isAfter(YearMonth.from(period.to())); m = m.plusMonths(1)) {
            months.add(m.toString());
        }
        Map<Long, Unit> units = new TreeMap<>();
        members.forEach(s -> unit(units, s.dimension()).members += s.total());
        joined.forEach(s -> unit(units, s.dimension()).joined += s.total());
        var total = new Service4();
        for (DayDimensionSum s : served) {
            Unit u = unit(units, s.dimension());
            u.total.add(s.metric(), s.total());
            u.byMonth.computeIfAbsent(YearMonth.from(s.day()).toString(), k -> new Service4()).add(s.metric(), s.total());
            total.add(s.metric(), s.total());
        }
        Map<Long, String> names = party.unitNames(units.keySet());
        var rows = new ArrayList<PartyStats.UnitFigures>();
        units.forEach((id, u) -> rows.add(new PartyStats.UnitFigures(id, names.get(id), u.members, u.joined,
                u.total.figures(), months.stream().map(m -> new PartyStats.UnitMonth(m,
                        u.byMonth.getOrDefault(m, new Service4()).figures())).toList())));
        return new PartyStats(scope, period.from(), period.to(),
                units.values().stream().mapToLong(u -> u.members).sum(),
                units.values().stream().mapToLong(u -> u.joined).sum(), total.figures(), rows);
    }

    private static Unit unit(Map<Long, Unit> units, String dimension) {
        return units.computeIfAbsent(Long.parseLong(dimension), k -> new Unit());
    }

    private static final class Unit {
        long members;
        long joined;
        final Service4 total = new Service4();
        final Map<String, Service4> byMonth = new TreeMap<>();
    }

    /** Wishes, hours in tenths, rating sum, rated. */
    private static final class Service4 {
        long wishes;
        long tenths;
        long ratingSum;
        long rated;

        void add(String metric, long value) {
            switch (metric) {
                case PartyMetrics.WISHES -> wishes += value;
                case PartyMetrics.HOURS_TENTHS -> tenths += value;
                case PartyMetrics.RATING_SUM -> ratingSum += value;
                case PartyMetrics.RATED -> rated += value;
                default -> { }
            }
        }

        PartyStats.ServiceFigures figures() {
            return new PartyStats.ServiceFigures(wishes, BigDecimal.valueOf(tenths, 1), rated == 0 ? null
                    : BigDecimal.valueOf(ratingSum).divide(BigDecimal.valueOf(rated), 1, RoundingMode.HALF_UP));
        }
    }
}
