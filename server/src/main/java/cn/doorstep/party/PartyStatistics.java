package cn.doorstep.party;

import cn.doorstep.common.Zones;
import cn.doorstep.party.internal.PartyStatisticsMapper;
import cn.doorstep.party.internal.PartyUnit;
import cn.doorstep.party.internal.PartyUnitMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The party figures of a community's days, read from the party tables as they are now, for the cockpit's
 * statistics (which ask again on {@link PartyChanged}). Two index range reads per call, whatever the number of days.
 */
@Service
@Transactional(readOnly = true)
public class PartyStatistics {

    private final PartyStatisticsMapper facts;
    private final PartyUnitMapper units;

    PartyStatistics(PartyStatisticsMapper facts, PartyUnitMapper units) {
        this.facts = facts;
        this.units = units;
    }

    /** One fact record per day from {@code from} to {@code to} (China time, both included), empty days too. */
    public List<PartyDayFacts> dailyFacts(long communityId, LocalDate from, LocalDate to) {
        Instant start = Zones.startOf(from);
        Instant until = Zones.endOf(to);
        Map<LocalDate, Map<Long, Long>> confirmed = new TreeMap<>();
        Map<LocalDate, Map<Long, long[]>> services = new TreeMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            confirmed.put(d, new TreeMap<>());
            services.put(d, new TreeMap<>());
        }
        for (var r : facts.selectConfirmed(communityId, RegistrationStatus.CONFIRMED.name(), start, until)) {
            confirmed.get(dayOf(r.reviewedAt())).merge(r.unitId(), 1L, Long::sum);
        }
        for (var s : facts.selectServices(communityId, start, until)) {
            long[] v = services.get(dayOf(s.confirmedAt())).computeIfAbsent(s.unitId(), k -> new long[4]);
            v[0]++;
            v[1] += s.hours() == null ? 0 : s.hours().movePointRight(1).longValueExact();
            if (s.rating() != null) {
                v[2] += s.rating();
                v[3]++;
            }
        }
        var out = new ArrayList<PartyDayFacts>();
        confirmed.forEach((day, byUnit) -> out.add(new PartyDayFacts(communityId, day, byUnit,
                services.get(day).entrySet().stream().map(e -> new PartyDayFacts.UnitService(e.getKey(),
                        e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3])).toList())));
        return out;
    }

    /** The names of these units (those that exist). */
    public Map<Long, String> unitNames(Collection<Long> unitIds) {
        return unitIds.isEmpty() ? Map.of() : units.selectByIds(unitIds).stream()
                .collect(Collectors.toMap(PartyUnit::getId, PartyUnit::getName));
    }

    private static LocalDate dayOf(Instant at) {
        return LocalDate.ofInstant(at, Zones.CHINA);
    }
}
