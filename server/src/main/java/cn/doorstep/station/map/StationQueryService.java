package cn.doorstep.station.map;

import cn.doorstep.common.ApiException;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.common.RateLimitProperties;
import cn.doorstep.common.RateLimiter;
import cn.doorstep.common.Zones;
import cn.doorstep.station.Amenity;
import cn.doorstep.station.LiveStatus;
import cn.doorstep.station.StationDetail;
import cn.doorstep.station.StationError;
import cn.doorstep.station.StationKind;
import cn.doorstep.station.StationOfferings;
import cn.doorstep.station.StationStatus;
import cn.doorstep.station.StationView;
import cn.doorstep.station.hours.DayKind;
import cn.doorstep.station.hours.HolidayCalendar;
import cn.doorstep.station.hours.Schedule;
import cn.doorstep.station.internal.Station;
import cn.doorstep.station.internal.StationDetails;
import cn.doorstep.station.internal.StationKeys;
import cn.doorstep.station.internal.StationMapper;
import cn.doorstep.station.map.StationIndex.Candidates;
import cn.doorstep.station.map.StationIndex.Hit;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Finding stations: the map search, a station's page, and the text search within a community.
 *
 * <p>The map search reads Redis once for the candidates, their facets and the holiday calendar (see
 * {@link StationIndex#nearby}), filters and pages in memory, then reads the page's cached cards. Each
 * candidate's open flag, today's hours and live label come from one evaluation of its facets, used by
 * the filter and by the item alike. While the index is not ready (Redis lost it; it is being rebuilt
 * in the background) the candidates come from MySQL instead, in the same order.
 */
@Service
public class StationQueryService {

    /** The map search considers at most this many nearest stations per kind. */
    static final int CANDIDATE_LIMIT = 2000;
    /** At most this many cards are read with the search itself; a deeper page reads its own. */
    static final int CARDS_AHEAD_MAX = 100;
    /** A station's page shows this many of its services and of its next activities (the lists have the rest). */
    static final int SERVICES_SHOWN = 20;
    static final int ACTIVITIES_SHOWN = 5;

    private final StationIndex index;
    private final StationDetails details;
    private final StationMapper stations;
    private final HolidayCalendar calendar;
    private final RateLimiter rateLimiter;
    private final RateLimitProperties limits;
    private final ObjectMapper json;
    private final Clock clock;
    private final boolean sqlOnly;
    private final ObjectProvider<StationOfferings> offerings;

    StationQueryService(StationIndex index, StationDetails details, StationMapper stations, HolidayCalendar calendar,
                        RateLimiter rateLimiter, RateLimitProperties limits, ObjectMapper json, Clock clock,
                        @Value("${doorstep.station.search-mode:geo}") String searchMode,
                        ObjectProvider<StationOfferings> offerings) {
        this.offerings = offerings;
        this.index = index;
        this.details = details;
        this.rateLimiter = rateLimiter;
        this.limits = limits;
        this.json = json;
        this.stations = stations;
        this.calendar = calendar;
        this.clock = clock;
        this.sqlOnly = "sql".equalsIgnoreCase(searchMode);
    }

    /**
     * The map search for one client address ({@code client}, counted against its per-minute limit in
     * the same Redis call that searches).
     */
    public PageResult<MapItem> nearby(NearbyQuery q, String client) {
        long requiredAmenities = StationFacets.mask(parseAmenities(q.amenities()));
        Set<StationKind> kinds = q.kind() == null ? EnumSet.allOf(StationKind.class) : EnumSet.of(q.kind());
        LocalDateTime now = LocalDateTime.now(clock.withZone(Zones.CHINA));
        LocalDate today = now.toLocalDate();
        var rate = mapRate(client);

        var pageQuery = PageQuery.of(q.page(), q.size());
        Candidates found = null;
        if (sqlOnly) {
            rateLimiter.hit(mapRate(client));
        } else {
            // without openNow Redis cuts the page itself; with it, the cards of the likely page are read
            // ahead (some candidates drop out, so a few more)
            int offset = q.openNow() ? -1 : (int) pageQuery.offset();
            int count = q.openNow() ? (int) Math.min(CARDS_AHEAD_MAX, pageQuery.offset() + 2L * q.size()) : q.size();
            found = index.nearby(new StationIndex.Lookup(kinds, q.lat(), q.lng(), q.radius(), CANDIDATE_LIMIT,
                    requiredAmenities, offset, count, HolidayCalendar.fieldsAround(today), rate));
        }
        Function<LocalDate, DayKind> days = calendar.around(today, found == null ? null : found.holidayFields());
        var evaluator = new Evaluator(now, days);
        if (found != null && found.paged()) {
            return items(new PageResult<>(found.hits(), found.total(), q.page(), q.size()), evaluator);
        }
        List<Hit> hits = found != null ? found.hits() : scan(kinds, q.lat(), q.lng(), q.radius());
        List<Hit> kept = hits;
        if (requiredAmenities != 0 || q.openNow()) {
            evaluator.load(hits);
            kept = new ArrayList<>();
            for (Hit hit : hits) {
                StationFacets facets = evaluator.facets(hit);
                if (facets != null && facets.hasAll(requiredAmenities) && (!q.openNow() || evaluator.now(hit).open())) {
                    kept.add(hit);
                }
            }
        }
        return items(PageResult.slice(kept, pageQuery), evaluator);
    }

    /**
     * Active stations of any kind within {@code radius} metres of a point, nearest first (at most
     * {@code CANDIDATE_LIMIT} of each kind), with their distance: what other features search "near me"
     * by. Read from the GEO index in the map search's one Redis call (counted against the client's map
     * limit), or from MySQL while the index is being rebuilt.
     */
    public List<Hit> around(double lat, double lng, double radius, String client) {
        Set<StationKind> kinds = EnumSet.allOf(StationKind.class);
        Candidates found = null;
        if (sqlOnly) {
            rateLimiter.hit(mapRate(client));
        } else {
            var rate = mapRate(client);
            LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
            found = index.nearby(new StationIndex.Lookup(kinds, lat, lng, radius, CANDIDATE_LIMIT, 0, -1, 0,
                    HolidayCalendar.fieldsAround(today), rate));
        }
        return found != null ? found.hits() : scan(kinds, lat, lng, radius);
    }

    public StationView view(long id) {
        StationDetail s = details.get(id);
        if (s == null || s.status() == StationStatus.DELETED) {
            throw new ApiException(StationError.STATION_NOT_FOUND);
        }
        LocalDateTime now = LocalDateTime.now(clock.withZone(Zones.CHINA));
        Schedule.Now state = s.schedule().at(now, calendar.around(now.toLocalDate(), null));
        StationOfferings offered = s.status() == StationStatus.ACTIVE ? offerings.getIfAvailable() : null;
        return new StationView(s.seenAt(state), s.status() == StationStatus.ACTIVE && state.open(), state.todayHours(),
                offered == null ? List.of() : offered.services(id, SERVICES_SHOWN),
                offered == null ? List.of() : offered.activities(id, ACTIVITIES_SHOWN));
    }

    /** Stations of a community whose name or address contains {@code text}. */
    public PageResult<MapItem> search(long communityId, String text, StationKind kind, PageQuery pageQuery) {
        String escaped = text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        Page<Station> rows = stations.searchInCommunity(communityId, escaped, kind == null ? null : kind.name(),
                new Page<>(pageQuery.page(), pageQuery.size()));
        LocalDateTime now = LocalDateTime.now(clock.withZone(Zones.CHINA));
        var evaluator = new Evaluator(now, calendar.around(now.toLocalDate(), null));
        Map<Long, String> facets = index.facets(rows.getRecords().stream().map(Station::getId).toList());
        List<Hit> hits = rows.getRecords().stream().map(r -> new Hit(r.getId(), -1, facets.get(r.getId()), null))
                .toList();
        return items(new PageResult<>(hits, rows.getTotal(), pageQuery.page(), pageQuery.size()), evaluator);
    }

    /** The page's items: each station's card with what its facets say about this moment. */
    private PageResult<MapItem> items(PageResult<Hit> page, Evaluator evaluator) {
        Map<Long, byte[]> shown = cards(page.items());
        evaluator.load(page.items());
        return page.map(hit -> {
            byte[] card = shown.get(hit.id());
            StationFacets facets = evaluator.facets(hit);
            if (card == null || facets == null) {
                return null; // the row went away meanwhile
            }
            Schedule.Now state = evaluator.now(hit);
            LiveStatus shownLive = facets.live().shown(state.closedByStaff());
            return new MapItem(card, Math.round(hit.distance()), state.open(), state.todayHours(), shownLive,
                    shownLive == facets.live() ? facets.liveNote() : null, facets.liveUpdatedAt());
        }).filterNulls();
    }

    /**
     * The cards of these hits: those the search read ahead, then the index's, then (Redis lost them)
     * built from the stations' details.
     */
    private Map<Long, byte[]> cards(List<Hit> hits) {
        var found = new HashMap<Long, byte[]>(hits.size() * 2);
        var missing = new ArrayList<Long>();
        for (Hit hit : hits) {
            if (hit.card() != null) {
                found.put(hit.id(), hit.card());
            } else {
                missing.add(hit.id());
            }
        }
        if (!missing.isEmpty()) {
            found.putAll(index.cards(missing));
            missing.removeIf(found::containsKey);
            if (!missing.isEmpty()) {
                details.getAll(missing).values().forEach(d -> found.put(d.id(),
                        StationCard.members(d, json).getBytes(StandardCharsets.UTF_8)));
            }
        }
        return found;
    }

    /** Candidates from MySQL while the index is not ready (or in the benchmark's SQL mode), with their facets. */
    private List<Hit> scan(Set<StationKind> kinds, double lat, double lng, double radius) {
        var rows = stations.selectNearbyByScan(lat, lng, radius, StationMapper.kindsWith(kinds), CANDIDATE_LIMIT);
        Map<Long, String> facets = index.facets(rows.stream().map(StationMapper.DistanceRow::id).toList());
        return rows.stream().map(r -> new Hit(r.id(), r.distance(), facets.get(r.id()), null)).toList();
    }

    /**
     * Decodes each candidate's facets and evaluates its schedule at most once per request. A candidate
     * without usable facets (Redis lost them, or an older release wrote them) is evaluated from its
     * detail instead.
     */
    private final class Evaluator {
        private final LocalDateTime now;
        private final Function<LocalDate, DayKind> days;
        private final Map<Long, StationFacets> facets = new HashMap<>();
        private final Map<Long, Schedule.Now> states = new HashMap<>();

        Evaluator(LocalDateTime now, Function<LocalDate, DayKind> days) {
            this.now = now;
            this.days = days;
        }

        /** Decodes these candidates' facets, reading the details of those without in one go. */
        void load(List<Hit> hits) {
            var missing = new ArrayList<Long>();
            for (Hit hit : hits) {
                if (!facets.containsKey(hit.id())) {
                    StationFacets decoded = StationFacets.decode(hit.facets());
                    facets.put(hit.id(), decoded);
                    if (decoded == null) {
                        missing.add(hit.id());
                    }
                }
            }
            if (!missing.isEmpty()) {
                details.getAll(missing).values().forEach(d ->
                        facets.put(d.id(), d.status() == StationStatus.ACTIVE ? StationFacets.of(d) : null));
            }
        }

        /** The candidate's facets once {@link #load loaded}; null for a station no longer active. */
        StationFacets facets(Hit hit) {
            return facets.get(hit.id());
        }

        Schedule.Now now(Hit hit) {
            return states.computeIfAbsent(hit.id(), id -> facets(hit).schedule().at(now, days));
        }
    }

    static Set<Amenity> parseAmenities(String csv) {
        EnumSet<Amenity> set = EnumSet.noneOf(Amenity.class);
        if (csv == null || csv.isBlank()) {
            return set;
        }
        for (String name : csv.split(",")) {
            String trimmed = name.trim().toUpperCase();
            if (trimmed.isEmpty()) {
                continue;
            }
            try {
                set.add(Amenity.valueOf(trimmed));
            } catch (IllegalArgumentException e) {
                throw ApiException.badField(StationError.UNKNOWN_AMENITY, "amenities",
                        "unknown amenity " + name.trim() + "; one of " + Arrays.toString(Amenity.values()));
            }
        }
        return set;
    }

    /** The map's rate limit for a client, counted in the map's Redis Cluster slot (see {@link StationKeys}). */
    private RateLimiter.Rule mapRate(String client) {
        return new RateLimiter.Rule(StationKeys.mapRate(client), Duration.ofMinutes(1), limits.mapSearchesPerMinute());
    }
}
