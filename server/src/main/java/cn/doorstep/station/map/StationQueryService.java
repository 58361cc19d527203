package cn.doorstep.station.map;

import cn.doorstep.station.Amenity;
import cn.doorstep.station.StationDetail;
import cn.doorstep.station.StationError;
import cn.doorstep.station.StationKind;
import cn.doorstep.station.StationStatus;
import cn.doorstep.station.StationView;
import cn.doorstep.station.hours.DayKind;
import cn.doorstep.station.hours.HolidayCalendar;
import cn.doorstep.station.hours.Schedule;
import cn.doorstep.common.ApiException;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.common.Zones;
import cn.doorstep.station.internal.Station;
import cn.doorstep.station.internal.StationDetails;
import cn.doorstep.station.map.StationIndex.Hit;
import cn.doorstep.station.internal.StationMapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Finding stations: the map search (GEO index → facet filters → one page of details), a station's
 * detail, and the text search within a community.
 */
@Service
public class StationQueryService {

    /** The map search considers at most this many nearest stations per kind. */
    static final int CANDIDATE_LIMIT = 2000;

    private final StationIndex index;
    private final StationDetails details;
    private final StationMapper stations;
    private final HolidayCalendar calendar;
    private final Clock clock;
    private final boolean sqlOnly;

    StationQueryService(StationIndex index, StationDetails details, StationMapper stations, HolidayCalendar calendar,
                        Clock clock, @Value("${doorstep.station.search-mode:geo}") String searchMode) {
        this.index = index;
        this.details = details;
        this.stations = stations;
        this.calendar = calendar;
        this.clock = clock;
        this.sqlOnly = "sql".equalsIgnoreCase(searchMode);
    }

    public PageResult<NearbyItem> nearby(NearbyQuery q) {
        long requiredAmenities = StationFacets.mask(parseAmenities(q.amenities()));
        Set<StationKind> kinds = q.kind() == null ? EnumSet.allOf(StationKind.class) : EnumSet.of(q.kind());
        List<Hit> hits = candidates(kinds, q.lat(), q.lng(), q.radius());

        LocalDateTime now = LocalDateTime.now(clock.withZone(Zones.CHINA));
        Function<LocalDate, DayKind> days = calendarAround(now.toLocalDate());
        if (requiredAmenities != 0 || q.openNow()) {
            hits = filter(hits, requiredAmenities, q.openNow(), now, days);
        }

        var page = PageResult.slice(hits, PageQuery.of(q.page(), q.size()));
        Map<Long, StationDetail> shown = details.getAll(page.items().stream().map(Hit::id).toList());
        return page.map(hit -> {
            StationDetail s = shown.get(hit.id());
            return s == null ? null : item(s, hit.distance(), now, days);
        }).filterNulls();
    }

    public StationView view(long id) {
        StationDetail s = details.get(id);
        if (s == null || s.status() == StationStatus.DELETED) {
            throw new ApiException(StationError.STATION_NOT_FOUND);
        }
        LocalDateTime now = LocalDateTime.now(clock.withZone(Zones.CHINA));
        Function<LocalDate, DayKind> days = calendarAround(now.toLocalDate());
        Schedule schedule = s.schedule();
        boolean open = s.status() == StationStatus.ACTIVE && schedule.openAt(now, days);
        return new StationView(s, open, schedule.hoursOn(now.toLocalDate(), days));
    }

    /** Stations of a community whose name or address contains {@code text}. */
    public PageResult<NearbyItem> search(long communityId, String text, StationKind kind, PageQuery pageQuery) {
        String escaped = text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        Page<Station> rows = stations.searchInCommunity(communityId, escaped, kind == null ? null : kind.name(),
                new Page<>(pageQuery.page(), pageQuery.size()));
        LocalDateTime now = LocalDateTime.now(clock.withZone(Zones.CHINA));
        Function<LocalDate, DayKind> days = calendarAround(now.toLocalDate());
        List<NearbyItem> items = details.toDetails(rows.getRecords()).values().stream()
                .map(s -> item(s, -1, now, days)).toList();
        return PageResult.of(items, rows.getTotal(), pageQuery);
    }

    private List<Hit> candidates(Set<StationKind> kinds, double lat, double lng, double radius) {
        var byId = new LinkedHashMap<Long, Hit>();
        for (StationKind kind : kinds) {
            for (Hit hit : searchOneKind(kind, lat, lng, radius)) {
                byId.merge(hit.id(), hit, (a, b) -> a.distance() <= b.distance() ? a : b);
            }
        }
        var hits = new ArrayList<>(byId.values());
        if (kinds.size() > 1) {
            hits.sort(Comparator.comparingDouble(Hit::distance));
        }
        return hits;
    }

    private List<Hit> searchOneKind(StationKind kind, double lat, double lng, double radius) {
        if (sqlOnly) {
            return scan(kind, lat, lng, radius);
        }
        List<Hit> hits = index.search(kind, lat, lng, radius, CANDIDATE_LIMIT);
        if (hits.isEmpty() && !index.ready()) {
            // Redis lost the index: rebuild it from MySQL (one instance does), answer from MySQL meanwhile
            if (index.rebuild()) {
                return index.search(kind, lat, lng, radius, CANDIDATE_LIMIT);
            }
            return scan(kind, lat, lng, radius);
        }
        return hits;
    }

    private List<Hit> scan(StationKind kind, double lat, double lng, double radius) {
        return stations.selectNearbyByScan(lat, lng, radius, kind.name(), CANDIDATE_LIMIT).stream()
                .map(r -> new Hit(r.id(), r.distance())).toList();
    }

    private List<Hit> filter(List<Hit> hits, long requiredAmenities, boolean openNow, LocalDateTime now,
                             Function<LocalDate, DayKind> days) {
        Map<Long, String> encoded = index.facets(hits.stream().map(Hit::id).toList());
        var missing = encoded.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey).toList();
        Map<Long, StationDetail> fallback = missing.isEmpty() ? Map.of() : details.getAll(missing);
        var kept = new ArrayList<Hit>();
        for (Hit hit : hits) {
            String e = encoded.get(hit.id());
            StationFacets facets = e != null ? StationFacets.decode(e)
                    : fallback.containsKey(hit.id()) ? StationFacets.of(fallback.get(hit.id())) : null;
            if (facets != null && facets.hasAll(requiredAmenities)
                    && (!openNow || facets.schedule().openAt(now, days))) {
                kept.add(hit);
            }
        }
        return kept;
    }

    private Function<LocalDate, DayKind> calendarAround(LocalDate today) {
        Map<LocalDate, DayKind> kinds = calendar.kindsOf(List.of(today, today.minusDays(1)));
        return kinds::get;
    }

    private static NearbyItem item(StationDetail s, double distance, LocalDateTime now, Function<LocalDate, DayKind> days) {
        Schedule schedule = s.schedule();
        return new NearbyItem(s.id(), s.name(), s.kinds(), s.address(), s.lat(), s.lng(), Math.round(distance),
                s.amenities(), s.audience(), s.status() == StationStatus.ACTIVE && schedule.openAt(now, days),
                schedule.hoursOn(now.toLocalDate(), days), s.liveStatus(), s.liveNote(), s.liveUpdatedAt(),
                s.photos().isEmpty() ? null : s.photos().get(0));
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
}
