package cn.doorstep.station.internal;

import cn.doorstep.station.hours.HolidayPolicy;
import cn.doorstep.station.hours.HoursException;
import cn.doorstep.station.hours.HoursExceptionMapper;
import cn.doorstep.station.hours.HoursExceptionRow;
import cn.doorstep.common.Zones;
import cn.doorstep.station.Amenity;
import cn.doorstep.station.Audience;
import cn.doorstep.station.LiveStatus;
import cn.doorstep.station.ServiceLevel;
import cn.doorstep.station.StationDetail;
import cn.doorstep.station.StationKind;
import cn.doorstep.station.StationStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * Station details, from MySQL through the Redis cache {@code station:{id}} (JSON, one hour at most).
 * Many are read with one MGET; misses are loaded in one query and put back, unless the row changed
 * meanwhile (see {@link VersionedCache}).
 */
@Component
public class StationDetails {

    static final Duration TTL = Duration.ofHours(1);

    private final StationMapper stations;
    private final HoursExceptionMapper exceptions;
    private final VersionedCache cache;
    private final ObjectMapper json;
    private final Clock clock;

    StationDetails(StationMapper stations, HoursExceptionMapper exceptions, VersionedCache cache, ObjectMapper json,
                   Clock clock) {
        this.stations = stations;
        this.exceptions = exceptions;
        this.cache = cache;
        // tolerant reading: an entry written by an older or newer release is still usable
        this.json = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.clock = clock;
    }

    /** One station (any status), or null if no row has this id. Callers treat DELETED as absent. */
    public StationDetail get(long id) {
        return getAll(List.of(id)).get(id);
    }

    /** Many stations at once, in the order asked; ids without a row are left out. */
    public Map<Long, StationDetail> getAll(List<Long> ids) {
        var found = new LinkedHashMap<Long, StationDetail>();
        if (ids.isEmpty()) {
            return found;
        }
        List<String> cached = cache.getAll(StationKeys.DETAIL_PREFIX, ids);
        var missing = new ArrayList<Long>();
        for (int i = 0; i < ids.size(); i++) {
            StationDetail d = cached.get(i) == null ? null : decode(cached.get(i));
            if (d == null) {
                missing.add(ids.get(i));
            }
            found.put(ids.get(i), d);
        }
        if (!missing.isEmpty()) {
            Map<Long, StationDetail> loaded = toDetails(stations.selectBatchIds(missing));
            found.putAll(loaded);
            cache.putAll(StationKeys.DETAIL_PREFIX, loaded.values().stream()
                    .map(d -> new VersionedCache.Entry(d.id(), d.version(), encode(d))).toList(), TTL);
        }
        found.values().removeIf(Objects::isNull);
        return found;
    }

    public void evict(long id) {
        cache.evict(StationKeys.DETAIL_PREFIX, id);
    }

    public Optional<Station> row(long id) {
        return Optional.ofNullable(stations.selectById(id));
    }

    /** Rows to details, with their hour exceptions from yesterday (China time) on. */
    public Map<Long, StationDetail> toDetails(Collection<Station> rows) {
        if (rows.isEmpty()) {
            return new LinkedHashMap<>();
        }
        return toDetails(rows, group(exceptions.selectFrom(rows.stream().map(Station::getId).toList(), yesterday())));
    }

    private static Map<Long, StationDetail> toDetails(Collection<Station> rows, Map<Long, List<HoursException>> byStation) {
        var out = new LinkedHashMap<Long, StationDetail>();
        for (Station s : rows) {
            out.put(s.getId(), toDetail(s, byStation.getOrDefault(s.getId(), List.of())));
        }
        return out;
    }

    private LocalDate yesterday() {
        return LocalDate.now(clock.withZone(Zones.CHINA)).minusDays(1);
    }

    private static Map<Long, List<HoursException>> group(List<HoursExceptionRow> rows) {
        return rows.stream().collect(Collectors.groupingBy(HoursExceptionRow::getStationId, Collectors.mapping(e ->
                new HoursException(e.getOnDate(), e.getClosed(), e.getOpens(), e.getCloses(), e.getNote()),
                Collectors.toList())));
    }

    static StationDetail toDetail(Station s, List<HoursException> exceptions) {
        return new StationDetail(s.getId(), s.getName(), enums(s.getKinds(), StationKind.class),
                s.getServiceLevel() == null ? null : ServiceLevel.valueOf(s.getServiceLevel()), s.getCommunityId(),
                s.getAddress(), s.getLat().doubleValue(), s.getLng().doubleValue(), s.getPhone(), s.getIntro(),
                s.getPhotos() == null ? List.of() : List.copyOf(s.getPhotos()), enums(s.getAmenities(), Amenity.class),
                Audience.valueOf(s.getAudience()), s.getWeeklyHours() == null ? List.of() : List.copyOf(s.getWeeklyHours()),
                HolidayPolicy.valueOf(s.getHolidayPolicy()), List.copyOf(exceptions), LiveStatus.valueOf(s.getLiveStatus()),
                s.getLiveNote(), s.getLiveUpdatedAt(), StationStatus.valueOf(s.getStatus()), s.getVersion());
    }

    public static <E extends Enum<E>> String join(Set<E> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    public static <E extends Enum<E>> Set<E> enums(String joined, Class<E> type) {
        EnumSet<E> set = EnumSet.noneOf(type);
        if (joined != null && !joined.isBlank()) {
            Arrays.stream(joined.split(",")).map(name -> Enum.valueOf(type, name.trim())).forEach(set::add);
        }
        return set;
    }

    private StationDetail decode(String value) {
        try {
            return json.readValue(value, StationDetail.class);
        } catch (JsonProcessingException unreadable) {
            return null; // treated as a miss: the row is loaded and the entry replaced
        }
    }

    private String encode(StationDetail detail) {
        try {
            return json.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A station detail is always writable", e);
        }
    }
}
