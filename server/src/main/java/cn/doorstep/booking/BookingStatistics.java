package cn.doorstep.booking;

import cn.doorstep.booking.internal.BookingStatisticsMapper;
import cn.doorstep.common.Zones;
import cn.doorstep.station.StationDirectory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The booking figures of a community's days (by the slot's China-time day), read from the booking table as it is
 * now, for the cockpit's statistics (which ask again on {@link BookingChanged}). One index range per station.
 */
@Service
@Transactional(readOnly = true)
public class BookingStatistics {

    private final BookingStatisticsMapper bookings;
    private final StationDirectory stations;

    BookingStatistics(BookingStatisticsMapper bookings, StationDirectory stations) {
        this.bookings = bookings;
        this.stations = stations;
    }

    /** One fact record per day from {@code from} to {@code to} (both included), empty days too. */
    public List<BookingDayFacts> dailyFacts(long communityId, LocalDate from, LocalDate to) {
        Map<LocalDate, Map<List<Object>, Long>> days = new TreeMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.put(d, new LinkedHashMap<>());
        }
        Set<Long> ids = stations.idsIn(Set.of(communityId));
        if (!ids.isEmpty()) {
            for (var b : bookings.selectStarting(ids, Zones.startOf(from), Zones.endOf(to))) {
                days.get(LocalDate.ofInstant(b.startsAt(), Zones.CHINA))
                        .merge(Arrays.asList(b.stationId(), b.serviceId(), b.activityId(), b.status()), 1L, Long::sum);
            }
        }
        var out = new ArrayList<BookingDayFacts>();
        days.forEach((day, counts) -> out.add(new BookingDayFacts(communityId, day, counts.entrySet().stream()
                .map(e -> new BookingDayFacts.Count((Long) e.getKey().get(0), (Long) e.getKey().get(1),
                        (Long) e.getKey().get(2), BookingStatus.valueOf((String) e.getKey().get(3)), e.getValue()))
                .toList())));
        return out;
    }

    /** The community a station belongs to (for a reader of {@link BookingChanged}); empty for an unknown station. */
    public Optional<Long> communityOf(long stationId) {
        return Optional.ofNullable(stations.findAnyState(Set.of(stationId)).get(stationId))
                .map(StationDirectory.StationRef::communityId);
    }
}
