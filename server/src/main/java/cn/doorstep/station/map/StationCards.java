package cn.doorstep.station.map;

import cn.doorstep.station.Amenity;
import cn.doorstep.station.Audience;
import cn.doorstep.station.StationDetail;
import cn.doorstep.station.StationKind;
import cn.doorstep.station.internal.StationDetails;
import cn.doorstep.station.internal.StationKeys;
import cn.doorstep.station.internal.VersionedCache;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The fixed part of a map item (id, name, kinds, address, coordinates, amenities, audience, photo) as
 * ready JSON members, cached under {@code station:card:{id}}: the map writes them into its reply as
 * they are, without decoding a station and encoding it again on every search.
 */
@Component
class StationCards {

    static final Duration TTL = Duration.ofHours(1);

    private final VersionedCache cache;
    private final StationDetails details;
    private final ObjectMapper json;

    StationCards(VersionedCache cache, StationDetails details, ObjectMapper json) {
        this.cache = cache;
        this.details = details;
        this.json = json;
    }

    /** What a card holds, in the order its members are written. */
    record Card(long id, String name, Set<StationKind> kinds, String address, double lat, double lng,
                Set<Amenity> amenities, Audience audience, String photo) {

        static Card of(StationDetail s) {
            return new Card(s.id(), s.name(), s.kinds(), s.address(), s.lat(), s.lng(), s.amenities(), s.audience(),
                    s.photos().isEmpty() ? null : s.photos().get(0));
        }
    }

    /** The cards of these stations (JSON members without braces); a station without a row is absent. */
    Map<Long, String> get(List<Long> ids) {
        var found = new HashMap<Long, String>(ids.size() * 2);
        if (ids.isEmpty()) {
            return found;
        }
        List<String> cached = cache.getAll(StationKeys.CARD_PREFIX, ids);
        var missing = new ArrayList<Long>();
        for (int i = 0; i < ids.size(); i++) {
            if (cached.get(i) != null) {
                found.put(ids.get(i), cached.get(i));
            } else {
                missing.add(ids.get(i));
            }
        }
        if (!missing.isEmpty()) {
            var built = new ArrayList<VersionedCache.Entry>(missing.size());
            details.getAll(missing).values().forEach(detail -> {
                String card = members(Card.of(detail));
                found.put(detail.id(), card);
                built.add(new VersionedCache.Entry(detail.id(), detail.version(), card));
            });
            cache.putAll(StationKeys.CARD_PREFIX, built, TTL);
        }
        return found;
    }

    void evict(long id) {
        cache.evict(StationKeys.CARD_PREFIX, id);
    }

    private String members(Card card) {
        try {
            String object = json.writeValueAsString(card);
            return object.substring(1, object.length() - 1);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A card is always writable", e);
        }
    }
}
