package cn.doorstep.report.ranking;

import cn.doorstep.common.ApiException;
import cn.doorstep.common.CommonError;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.Role;
import cn.doorstep.common.Zones;
import cn.doorstep.community.CommunityService;
import cn.doorstep.community.Regions.DistrictNode;
import cn.doorstep.community.Regions.StreetNode;
import cn.doorstep.report.ReportError;
import cn.doorstep.report.internal.ReportRankingMapper.Count;
import cn.doorstep.report.internal.ReportRankingMapper.WeekSums;
import cn.doorstep.report.internal.ReportRankingMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Weekly rankings (排名) and their 通报 (issue 17 §6): per community, street or department of a scope, the week's
 * reports filed and resolved, 办结率, mean times to accept and to resolve, satisfaction and what was overdue at
 * the week's end. Summed in the database by scope (see {@link ReportRankingMapper}); names from the region chain.
 * <p>
 * Scopes: a street (its communities; its admins, its district's, the platform's) or a district (its communities
 * or streets; its admins, the platform's); departments are ranked among the active ones serving the scope's
 * streets, on the reports of the scope.
 */
@Service
@Transactional(readOnly = true)
public class Rankings {

    private static final Pattern WEEK = Pattern.compile("\\d{4}-W\\d{2}");
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    /** 办结率 high first (none filed last), then the mean time to accept low first (none last), then by id. */
    private static final Comparator<Ranking.Row> ORDER = Comparator
            .comparing(Ranking.Row::resolutionRate, Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()))
            .thenComparing(Ranking.Row::meanHoursToAccept, Comparator.nullsLast(Comparator.<BigDecimal>naturalOrder()))
            .thenComparing(Ranking.Row::id);

    /** What to rank: a level, a week ({@code 2026-W49}; null for the last whole week) and one scope. */
    public record Query(RankingLevel level, String week, Long streetId, Long districtId) {
    }

    private final ReportRankingMapper sums;
    private final CommunityService communities;
    private final Clock clock;

    Rankings(ReportRankingMapper sums, CommunityService communities, Clock clock) {
        this.sums = sums;
        this.communities = communities;
        this.clock = clock;
    }

    public Ranking rank(CurrentUser me, Query query) {
        LocalDate monday = monday(query.week());
        Instant from = Zones.startOf(monday);
        Instant until = Zones.startOf(monday.plusWeeks(1));
        String week = monday.get(IsoFields.WEEK_BASED_YEAR) + "-W"
                + String.format("%02d", monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        Long streetId = query.streetId();
        Long districtId = query.districtId();
        DistrictNode district = requireScope(me, query.level(), streetId, districtId);
        List<StreetNode> streets = streetId == null ? district.streets()
                : district.streets().stream().filter(s -> s.id() == streetId).toList();

        Map<Long, String> units = new LinkedHashMap<>();
        List<WeekSums> weekSums;
        List<Count> overdue;
        switch (query.level()) {
            case COMMUNITY -> {
                streets.forEach(s -> s.communities().forEach(c -> units.put(c.id(), c.name())));
                weekSums = sums.weekOfReports(streetId, districtId, false, from, until);
                overdue = sums.overdueAtEnd(streetId, districtId, false, until);
            }
            case STREET -> {
                streets.forEach(s -> units.put(s.id(), s.name()));
                weekSums = sums.weekOfReports(streetId, districtId, true, from, until);
                overdue = sums.overdueAtEnd(streetId, districtId, true, until);
            }
            default -> {
                List<Long> streetIds = streets.stream().map(StreetNode::id).toList();
                if (!streetIds.isEmpty()) {
                    sums.departmentsServing(streetIds).forEach(d -> units.put(d.unitId(), d.name()));
                }
                weekSums = units.isEmpty() ? List.of()
                        : sums.weekOfAssignments(units.keySet(), streetId, districtId, from, until);
                overdue = units.isEmpty() ? List.of()
                        : sums.overdueAssignmentsAtEnd(units.keySet(), streetId, districtId, until);
            }
        }
        Map<Long, WeekSums> byUnit = weekSums.stream().collect(Collectors.toMap(WeekSums::unitId, Function.identity()));
        Map<Long, Long> overdueByUnit = overdue.stream().collect(Collectors.toMap(Count::unitId, Count::count));
        List<Ranking.Row> rows = units.entrySet().stream()
                .map(u -> row(u.getKey(), u.getValue(), byUnit.get(u.getKey()), overdueByUnit.getOrDefault(u.getKey(), 0L)))
                .sorted(ORDER).toList();
        String title = "第" + monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + "周" + query.level().label() + "诉求办理情况通报";
        return new Ranking(query.level(), week, from, until, streetId, districtId, title, ranked(rows));
    }

    /** Competition ranks (1, 1, 3): equal 办结率 and time to accept share one; a row with nothing filed has none. */
    private static List<Ranking.Row> ranked(List<Ranking.Row> sorted) {
        var out = new ArrayList<Ranking.Row>(sorted.size());
        Ranking.Row previous = null;
        int rank = 0;
        for (int i = 0; i < sorted.size(); i++) {
            Ranking.Row r = sorted.get(i);
            if (r.resolutionRate() == null) {
                out.add(r);
                continue;
            }
            boolean tie = previous != null && previous.resolutionRate().compareTo(r.resolutionRate()) == 0
                    && Objects.equals(previous.meanHoursToAccept(), r.meanHoursToAccept());
            rank = tie ? rank : i + 1;
            previous = r;
            out.add(new Ranking.Row(rank, r.id(), r.name(), r.filed(), r.resolved(), r.resolutionRate(),
                    r.meanHoursToAccept(), r.meanHoursToResolve(), r.rated(), r.satisfied(), r.satisfaction(), r.overdue()));
        }
        return out;
    }

    private static Ranking.Row row(long id, String name, WeekSums s, long overdue) {
        if (s == null) {
            return new Ranking.Row(null, id, name, 0, 0, null, null, null, 0, 0, null, overdue);
        }
        return new Ranking.Row(null, id, name, s.filed(), s.resolved(), ratio(s.resolved(), s.filed()),
                hours(s.acceptSeconds()), hours(s.resolveSeconds()), s.rated(), s.satisfied(),
                ratio(s.satisfied(), s.rated()), overdue);
    }

    private static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    private static BigDecimal hours(BigDecimal seconds) {
        return seconds == null ? null : seconds.divide(SECONDS_PER_HOUR, 1, RoundingMode.HALF_UP);
    }

    /** The Monday of {@code week} ({@code 2026-W49}), or of the last whole week (China time) when null. */
    private LocalDate monday(String week) {
        if (week == null || week.isBlank()) {
            return LocalDate.ofInstant(clock.instant(), Zones.CHINA).minusWeeks(1)
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }
        if (WEEK.matcher(week).matches()) {
            try {
                return LocalDate.parse(week + "-1", DateTimeFormatter.ISO_WEEK_DATE);
            } catch (DateTimeParseException e) {
                // W00, or W53 of a year with 52 weeks: below
            }
        }
        throw ApiException.badField(CommonError.VALIDATION_FAILED, "week", "must be an ISO week such as 2026-W49");
    }

    /**
     * The district the scope lies in, once the caller may see it: exactly one of street and district, streets
     * ranked only within a district; a street for its admins and its district's, a district for its admins;
     * the platform's admins anything that exists. 403 otherwise (also for an id that does not exist).
     */
    private DistrictNode requireScope(CurrentUser me, RankingLevel level, Long streetId, Long districtId) {
        if ((streetId == null) == (districtId == null)) {
            throw ApiException.badField(ReportError.RANKING_SCOPE_INVALID, streetId == null ? "districtId" : "streetId",
                    "give either streetId or districtId");
        }
        if (level == RankingLevel.STREET && districtId == null) {
            throw ApiException.badField(ReportError.RANKING_SCOPE_INVALID, "districtId", "streets are ranked within a district");
        }
        Long district = streetId == null ? districtId : communities.districtOfStreet(streetId).orElse(null);
        boolean allowed = me.isPlatformAdmin()
                || (district != null && me.scopesOf(Role.DISTRICT_ADMIN).contains(district))
                || (streetId != null && me.scopesOf(Role.STREET_ADMIN).contains(streetId));
        if (!allowed) {
            throw new ApiException(ReportError.RANKING_OUT_OF_SCOPE);
        }
        return communities.regions().stream().filter(d -> district != null && d.id() == district).findFirst()
                .orElseThrow(() -> ApiException.badField(ReportError.RANKING_SCOPE_INVALID,
                        streetId == null ? "districtId" : "streetId", "no such " + (streetId == null ? "district" : "street")));
    }
}
