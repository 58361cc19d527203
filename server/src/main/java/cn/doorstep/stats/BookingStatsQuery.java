package cn.doorstep.stats;

import cn.doorstep.booking.BookingStatus;
import cn.doorstep.station.StationDirectory;
import cn.doorstep.station.StationDirectory.StationRef;
import cn.doorstep.stats.internal.BookingMetrics;
import cn.doorstep.stats.internal.StatsDailyMapper;
import cn.doorstep.stats.internal.StatsDailyMapper.DayDimensionSum;
import cn.doorstep.stats.internal.StatsDailyMapper.StationSum;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Booking statistics of a scope and period, summed from stats_daily (two statements and the stations' names). */
@Service
@Transactional(readOnly = true)
class BookingStatsQuery {

    private final StatsDailyMapper daily;
    private final StationDirectory stations;

    BookingStatsQuery(StatsDailyMapper daily, StationDirectory stations) {
        this.daily = daily;
        this.stations = stations;
    }

    BookingStats of(StatsScope scope, StatsPeriod period) {
        boolean empty = !scope.city() && scope.communityIds().isEmpty();
        List<StationSum> sums = empty ? List.of()
                : daily.stationSums(List.of(BookingMetrics.STATUS), scope.communityIds(), period.from(), period.to());
        List<DayDimensionSum> days = empty ? List.of()
                : daily.dayDimensionSums(List.of(BookingMetrics.DAY), scope.communityIds(), period.from(), period.to());

        var total = new Counts();
        Map<Long, Counts> byStation = new TreeMap<>();
        Map<List<Long>, Counts> byService = new TreeMap<>(BookingStatsQuery::compareKeys);
        Map<List<Long>, Counts> byActivity = new TreeMap<>(BookingStatsQuery::compareKeys);
        for (StationSum s : sums) {
            int colon = s.dimension().indexOf(':');
            BookingStatus status = BookingStatus.valueOf(s.dimension().substring(0, colon));
            long id = Long.parseLong(s.dimension().substring(colon + 2));
            boolean service = s.dimension().charAt(colon + 1) == 's';
            total.add(status, s.total());
            byStation.computeIfAbsent(s.stationId(), k -> new Counts()).add(status, s.total());
            (service ? byService : byActivity).computeIfAbsent(List.of(s.stationId(), id), k -> new Counts())
                    .add(status, s.total());
        }
        Map<Long, StationRef> names = stations.findAnyState(byStation.keySet());
        var stationRows = new ArrayList<BookingStats.StationBookings>();
        byStation.forEach((id, c) -> stationRows.add(new BookingStats.StationBookings(id,
                names.containsKey(id) ? names.get(id).name() : null, c.figures())));
        var serviceRows = new ArrayList<BookingStats.ServiceBookings>();
        byService.forEach((k, c) -> serviceRows.add(new BookingStats.ServiceBookings(k.get(0), k.get(1), c.figures())));
        var activityRows = new ArrayList<BookingStats.ActivityBookings>();
        byActivity.forEach((k, c) -> activityRows.add(new BookingStats.ActivityBookings(k.get(0), k.get(1), c.figures(),
                ratio(c.get(BookingStatus.CHECKED_IN), c.booked() - c.get(BookingStatus.CANCELLED)))));

        Map<LocalDate, Counts> perDay = new HashMap<>();
        days.forEach(d -> perDay.computeIfAbsent(d.day(), k -> new Counts()).add(BookingStatus.valueOf(d.dimension()), d.total()));
        var dailyRows = new ArrayList<BookingStats.BookingDay>();
        for (LocalDate d = period.from(); !d.isAfter(period.to()); d = d.plusDays(1)) {
            Counts c = perDay.getOrDefault(d, new Counts());
            dailyRows.add(new BookingStats.BookingDay(d, c.booked(), c.get(BookingStatus.CHECKED_IN), c.get(BookingStatus.NO_SHOW)));
        }
        return new BookingStats(scope, period.from(), period.to(), total.figures(), stationRows, serviceRows,
                activityRows, dailyRows);
    }

    private static int compareKeys(List<Long> a, List<Long> b) {
        int c = Long.compare(a.get(0), b.get(0));
        return c != 0 ? c : Long.compare(a.get(1), b.get(1));
    }

    static BigDecimal ratio(long part, long whole) {
        return whole <= 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    private static final class Counts {
        final Map<BookingStatus, Long> n = new EnumMap<>(BookingStatus.class);

        void add(BookingStatus status, long count) {
            n.merge(status, count, Long::sum);
        }

        long get(BookingStatus status) {
            return n.getOrDefault(status, 0L);
        }

        long booked() {
            return n.values().stream().mapToLong(Long::longValue).sum();
        }

        BookingStats.BookingFigures figures() {
            long attended = get(BookingStatus.CHECKED_IN);
            long noShows = get(BookingStatus.NO_SHOW);
            return new BookingStats.BookingFigures(booked(), get(BookingStatus.CANCELLED), attended, noShows,
                    get(BookingStatus.BOOKED), ratio(attended, attended + noShows), ratio(noShows, attended + noShows));
        }
    }
}
