package cn.doorstep.station.map;

import cn.doorstep.station.Amenity;
import cn.doorstep.station.Audience;
import cn.doorstep.station.StationDetail;
import cn.doorstep.station.StationKind;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;

/**
 * The fixed part of a map item (id, name, kinds, address, coordinates, amenities, audience, photo),
 * kept by the index as ready JSON members in {@code station:cards}: the map writes them into its
 * reply as they are (see {@link MapItem}), without decoding a station and encoding it again.
 */
record StationCard(long id, String name, Set<StationKind> kinds, String address, double lat, double lng,
                   Set<Amenity> amenities, Audience audience, String photo) {

    static StationCard of(StationDetail s) {
        return new StationCard(s.id(), s.name(), s.kinds(), s.address(), s.lat(), s.lng(), s.amenities(), s.audience(),
                s.photos().isEmpty() ? null : s.photos().get(0));
    }

    /** The card's JSON object without its braces, ready to follow the item's other members. */
    static String members(StationDetail station, ObjectMapper json) {
        try {
            String object = json.writeValueAsString(of(station));
            return object.substring(1, object.length() - 1);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A card is always writable", e);
        }
    }
}
