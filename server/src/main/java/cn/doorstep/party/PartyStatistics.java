package cn.doorstep.party;

import cn.doorstep.common.Zones;
import cn.doorstep.party.internal.PartyStatisticsMapper;
import cn.doorstep.party.internal.PartyUnit;
import cn.doorstep.party.internal.PartyUnitMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 双报到 figures for the cockpit's statistics: the services (confirmed wishes) credited to units by the community and
 * China day of confirmation (asked again on {@link PartyServiceRecorded}), and the confirmed members by unit now.
 */
@Service
@Transactional(readOnly = true)
public class PartyStatistics {

    /**
     * One unit's services in a community on a day.
     *
     * @param hoursTenths the hours members reported, in tenths of an hour
     */
    public record UnitDay(LocalDate day, long unitId, long services, long hoursTenths, long ratingSum, long rated) {
    }

    private final PartyStatisticsMapper party;
    private final PartyUnitMapper units;

    PartyStatistics(PartyStatisticsMapper party, PartyUnitMapper units) {
        this.party = party;
        this.units = units;
    }

    /** The community's services from {@code from} to {@code to} (both included), by day and unit; none: empty. */
    public List<UnitDay> servicesByDay(long communityId, LocalDate from, LocalDate to) {
        Map<List<Long>, long[]> sums = new TreeMap<>((a, b) -> a.get(0).equals(b.get(0))
                ? Long.compare(a.get(1), b.get(1)) : Long.compare(a.get(0), b.get(0)));
        for (var s : party.selectServed(communityId, Zones.startOf(from), Zones.endOf(to))) {
            long day = LocalDate.ofInstant(s.confirmedAt(), Zones.CHINA).toEpochDay();
            long[] v = sums.computeIfAbsent(List.of(day, s.unitId()), k -> new long[4]);
            v[0]++;
            v[1] += s.hours() == null ? 0 : s.hours().multiply(BigDecimal.TEN).longValue();
            if (s.rating() != null) {
                v[2] += s.rating();
                v[3]++;
            }
        }
        var out = new ArrayList<UnitDay>();
        sums.forEach((k, v) -> out.add(new UnitDay(LocalDate.ofEpochDay(k.get(0)), k.get(1), v[0], v[1], v[2], v[3])));
        return out;
    }

    /** Confirmed members by unit, of registrations with these communities (null: the whole city). */
    public Map<Long, Long> confirmedMembersByUnit(Collection<Long> communityIds) {
        if (communityIds != null && communityIds.isEmpty()) {
            return Map.of();
        }
        return party.countConfirmedByUnit(communityIds).stream()
                .collect(Collectors.toMap(PartyStatisticsMapper.UnitCount::unitId, PartyStatisticsMapper.UnitCount::count));
    }

    /** Units' names by id; unknown ids left out. */
    public Map<Long, String> unitNames(Collection<Long> unitIds) {
        return unitIds.isEmpty() ? Map.of() : units.selectByIds(Set.copyOf(unitIds)).stream()
                .collect(Collectors.toMap(PartyUnit::getId, PartyUnit::getName));
    }
}
