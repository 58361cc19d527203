package cn.doorstep.rider;

import cn.doorstep.common.Zones;
import cn.doorstep.rider.internal.RiderStatisticsMapper;
import cn.doorstep.station.StationDirectory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rider figures of a community's days, read from the rider tables as they are now, for the cockpit's statistics
 * (which ask again on {@link RiderCheckedIn} and {@link RiderChanged}). Indexed ranges only.
 */
@Service
@Transactional(readOnly = true)
public class RiderStatistics {

    private final RiderStatisticsMapper riders;
    private final StationDirectory stations;

    RiderStatistics(RiderStatisticsMapper riders, StationDirectory stations) {
        this.riders = riders;
        this.stations = stations;
    }

    /** One fact record per day from {@code from} to {@code to} (both included), empty days too. */
    public List<RiderDayFacts> dailyFacts(long communityId, LocalDate from, LocalDate to) {
        Map<LocalDate, Map<Long, Long>> checkins = new HashMap<>();
        Set<Long> ids = stations.idsIn(Set.of(communityId));
        if (!ids.isEmpty()) {
            riders.countCheckins(ids, from, to).forEach(c -> checkins.computeIfAbsent(c.day(), k -> new HashMap<>())
                    .put(c.stationId(), c.count()));
        }
        Map<LocalDate, Long> registered = byDay(riders.selectRegisteredAt(communityId, Zones.startOf(from), Zones.endOf(to)));
        Map<LocalDate, Long> verified = byDay(riders.selectVerifiedAt(communityId, Zones.startOf(from), Zones.endOf(to)));
        var out = new ArrayList<RiderDayFacts>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            out.add(new RiderDayFacts(communityId, d, checkins.getOrDefault(d, Map.of()), registered.getOrDefault(d, 0L),
                    verified.getOrDefault(d, 0L)));
        }
        return out;
    }

    /** Riders verified now whose home is one of {@code communityIds} (null: the whole city). */
    public long verifiedNow(Collection<Long> communityIds) {
        return communityIds != null && communityIds.isEmpty() ? 0 : riders.countVerified(communityIds);
    }

    private static Map<LocalDate, Long> byDay(List<Instant> times) {
        Map<LocalDate, Long> days = new TreeMap<>();
        times.forEach(t -> days.merge(LocalDate.ofInstant(t, Zones.CHINA), 1L, Long::sum));
        return days;
    }
}
