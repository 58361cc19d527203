package cn.doorstep.coverage;

import cn.doorstep.common.ApiException;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.Zones;
import cn.doorstep.community.CommunityService;
import cn.doorstep.community.RegionLocations;
import cn.doorstep.community.Regions.GridPlace;
import cn.doorstep.coverage.Coverage.Area;
import cn.doorstep.coverage.Coverage.Gap;
import cn.doorstep.coverage.Coverage.Level;
import cn.doorstep.coverage.Coverage.Scope;
import cn.doorstep.coverage.Coverage.StationMark;
import cn.doorstep.station.StationCoverage;
import cn.doorstep.station.StationCoverage.Near;
import cn.doorstep.station.StationCoverage.StationState;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The 15-minute service circle: which grids of an area lie within walking distance of a service station open at a
 * moment. A grid is covered when its centroid lies within the radius (great-circle metres) of an active service
 * station that is open at the moment; the stations near each grid come from the map's GEO index in pipelined
 * GEOSEARCHes (from the station rows in MySQL while the index is rebuilt), whether each is open from its hours.
 */
@Service
public class Coverages {

    private static final Logger log = LoggerFactory.getLogger(Coverages.class);

    static final int MIN_RADIUS = 100;
    static final int MAX_RADIUS = 5000;
    static final LocalTime EVENING = LocalTime.of(19, 30);
    static final LocalTime HOLIDAY_HOUR = LocalTime.of(10, 0);

    /** The largest households first (unknown last), then by grid id. */
    static final Comparator<Gap> GAP_ORDER = Comparator
            .comparing(Gap::households, Comparator.nullsLast(Comparator.<Integer>reverseOrder()))
            .thenComparingLong(Gap::gridId);

    /** What to measure: at most one of the three ids (none: the city), the moment, and a radius (null: the default). */
    public record Query(Long communityId, Long streetId, Long districtId, String when, Integer radius) {
    }

    private final CommunityService communities;
    private final RegionLocations locations;
    private final StationCoverage stations;
    private final CoverageProperties properties;
    private final Clock clock;

    Coverages(CommunityService communities, RegionLocations locations, StationCoverage stations,
              CoverageProperties properties, Clock clock) {
        this.communities = communities;
        this.locations = locations;
        this.stations = stations;
        this.properties = properties;
        this.clock = clock;
    }

    public Coverage measure(CurrentUser me, Query q) {
        CoverageWhen when = CoverageWhen.parse(q.when());
        int radius = q.radius() == null ? properties.radiusMeters() : q.radius();
        CoverageScopes.Chain chain = CoverageScopes.Chain.of(communities.regions());
        Scope scope = CoverageScopes.require(me, q, chain);
        Instant at = moment(when);

        long started = System.nanoTime();
        Map<Long, List<Long>> areaCommunities = CoverageScopes.areasOf(scope, chain);
        Set<Long> scopeCommunities = areaCommunities.values().stream().flatMap(List::stream).collect(Collectors.toSet());
        List<GridPlace> grids = locations.gridPlaces(scopeCommunities);
        long gridsRead = System.nanoTime();
        List<StationState> all = stations.serviceStationsAt(at);
        long stationsRead = System.nanoTime();
        Judged judged = judge(grids, all, radius);
        long judgedAt = System.nanoTime();

        var gaps = new ArrayList<Gap>();
        for (int i = 0; i < grids.size(); i++) {
            GridPlace g = grids.get(i);
            if (!judged.covered[i]) {
                gaps.add(new Gap(g.id(), g.name(), g.communityId(), chain.communityNames().get(g.communityId()), g.lat(),
                        g.lng(), g.households(), judged.nearestOpen[i]));
            }
        }
        gaps.sort(GAP_ORDER);

        Map<Long, List<Integer>> gridsByCommunity = new HashMap<>();
        for (int i = 0; i < grids.size(); i++) {
            gridsByCommunity.computeIfAbsent(grids.get(i).communityId(), c -> new ArrayList<>()).add(i);
        }
        var areas = new ArrayList<Area>();
        Level areaLevel = scope.level() == Level.COMMUNITY ? Level.COMMUNITY
                : Level.values()[scope.level().ordinal() - 1];
        areaCommunities.forEach((areaId, members) -> {
            List<Integer> rows = members.stream().flatMap(c -> gridsByCommunity.getOrDefault(c, List.of()).stream()).toList();
            Tally t = tally(rows, grids, judged.covered);
            areas.add(new Area(areaLevel, areaId, chain.nameOf(areaLevel, areaId), t.grids, t.covered, t.share));
        });

        Tally total = tally(IntStream.range(0, grids.size()).boxed().toList(), grids, judged.covered);
        var marks = new ArrayList<StationMark>();
        for (StationState s : all) {
            if (scopeCommunities.contains(s.communityId()) || judged.coveringStations.contains(s.id())) {
                marks.add(new StationMark(s.id(), s.name(), s.lat(), s.lng(), s.open()));
            }
        }
        if (log.isDebugEnabled()) {
            log.debug("Coverage of {} grids against {} stations: grids read in {} ms, stations and hours {} ms, search {} ms, "
                    + "the rest {} ms", grids.size(), all.size(), (gridsRead - started) / 1_000_000,
                    (stationsRead - gridsRead) / 1_000_000, (judgedAt - stationsRead) / 1_000_000,
                    (System.nanoTime() - judgedAt) / 1_000_000);
        }
        return new Coverage(when, at, radius, scope, total.grids, total.covered, total.unlocated, total.households,
                total.householdsCovered, total.share, areas, gaps, marks);
    }

    /**
     * Each grid covered or not, the nearest open station of the gaps, and the stations that cover some grid.
     * <p>
     * One GEOSEARCH per community rather than per grid (a community's grids lie within a few hundred metres of
     * each other, 7–8 of them on average): around the centroid of the community's placed grids, with the radius
     * grown by the farthest of those grids from it (and a metre for the index's geohash rounding), so it finds
     * every station within the radius of any of them. Each grid then measures its distance to those candidates
     * that are open, from the stations' rows: the same great-circle metres the fallback and the gaps use.
     */
    private Judged judge(List<GridPlace> grids, List<StationState> all, int radius) {
        List<StationState> open = all.stream().filter(StationState::open).toList();
        Map<Long, StationState> openById = open.stream().collect(Collectors.toMap(StationState::id, Function.identity()));
        PointIndex openIndex = new PointIndex(open.stream().mapToDouble(StationState::lat).toArray(),
                open.stream().mapToDouble(StationState::lng).toArray());

        Map<Long, List<Integer>> placedByCommunity = new LinkedHashMap<>();
        for (int i = 0; i < grids.size(); i++) {
            if (grids.get(i).located()) {
                placedByCommunity.computeIfAbsent(grids.get(i).communityId(), c -> new ArrayList<>()).add(i);
            }
        }
        int communities = placedByCommunity.size();
        double[] lats = new double[communities];
        double[] lngs = new double[communities];
        double[] radii = new double[communities];
        int k = 0;
        for (List<Integer> members : placedByCommunity.values()) {
            lats[k] = members.stream().mapToDouble(i -> grids.get(i).lat()).average().orElseThrow();
            lngs[k] = members.stream().mapToDouble(i -> grids.get(i).lng()).average().orElseThrow();
            double spread = 0;
            for (int i : members) {
                spread = Math.max(spread, PointIndex.meters(lats[k], lngs[k], grids.get(i).lat(), grids.get(i).lng()));
            }
            radii[k++] = radius + spread + 1;
        }
        Optional<List<List<Near>>> near = stations.withinEach(lats, lngs, radii);

        var judged = new Judged(grids.size());
        k = 0;
        for (List<Integer> members : placedByCommunity.values()) {
            List<StationState> candidates = null; // null: no index, the fallback measures
            if (near.isPresent()) {
                candidates = new ArrayList<>();
                for (Near n : near.get().get(k)) {
                    StationState s = openById.get(n.stationId());
                    if (s != null) {
                        candidates.add(s);
                    }
                }
            }
            for (int i : members) {
                GridPlace g = grids.get(i);
                Long by = null;
                if (candidates != null) {
                    double best = Double.MAX_VALUE;
                    for (StationState s : candidates) {
                        double d = PointIndex.meters(g.lat(), g.lng(), s.lat(), s.lng());
                        if (d <= radius && d < best) {
                            best = d;
                            by = s.id();
                        }
                    }
                } else {
                    PointIndex.Found f = openIndex.nearest(g.lat(), g.lng(), radius);
                    by = f == null ? null : open.get(f.index()).id();
                }
                if (by != null) {
                    judged.covered[i] = true;
                    judged.coveringStations.add(by);
                } else {
                    PointIndex.Found f = openIndex.nearest(g.lat(), g.lng(), Double.MAX_VALUE);
                    judged.nearestOpen[i] = f == null ? null : Math.round(f.meters());
                }
            }
            k++;
        }
        return judged;
    }

    private static final class Judged {
        final boolean[] covered;
        final Long[] nearestOpen;
        final Set<Long> coveringStations = new HashSet<>();

        Judged(int size) {
            covered = new boolean[size];
            nearestOpen = new Long[size];
        }
    }

    record Tally(int grids, int covered, int unlocated, long households, long householdsCovered, Double share) {
    }

    /**
     * Counts and share of these grids. A grid weighs its households; one whose count is not known weighs the mean
     * of the known counts among these grids; when none is known every grid weighs 1 (the share of grids).
     */
    static Tally tally(List<Integer> rows, List<GridPlace> grids, boolean[] covered) {
        int coveredGrids = 0;
        int unlocated = 0;
        int known = 0;
        long households = 0;
        long householdsCovered = 0;
        for (int i : rows) {
            GridPlace g = grids.get(i);
            unlocated += g.located() ? 0 : 1;
            coveredGrids += covered[i] ? 1 : 0;
            if (g.households() != null) {
                known++;
                households += g.households();
                householdsCovered += covered[i] ? g.households() : 0;
            }
        }
        Double share = null;
        if (!rows.isEmpty()) {
            double unknownWeight = known == 0 ? 1 : (double) households / known;
            double all = 0;
            double in = 0;
            for (int i : rows) {
                Integer h = grids.get(i).households();
                double w = known == 0 ? 1 : h == null ? unknownWeight : h;
                all += w;
                in += covered[i] ? w : 0;
            }
            // all grids of zero households: the weight says nothing, the grids do
            share = all > 0 ? in / all : (double) coveredGrids / rows.size();
        }
        return new Tally(rows.size(), coveredGrids, unlocated, households, householdsCovered, share);
    }

    /** The instant the moment names, China time: now, today 19:30, or 10:00 of the first holiday from today. */
    Instant moment(CoverageWhen when) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        LocalDate today = LocalDate.ofInstant(now, Zones.CHINA);
        return switch (when) {
            case NOW -> now;
            case EVENING -> today.atTime(EVENING).atZone(Zones.CHINA).toInstant();
            case HOLIDAY -> stations.firstPublicHolidayFrom(today)
                    .map(day -> day.atTime(HOLIDAY_HOUR).atZone(Zones.CHINA).toInstant())
                    .orElseThrow(() -> ApiException.badField(CoverageError.NO_HOLIDAY_KNOWN, "when",
                            "the holiday calendar has no public holiday on or after " + today));
        };
    }
}
