package cn.doorstep.station.map;

import cn.doorstep.station.Amenity;
import cn.doorstep.station.Audience;
import cn.doorstep.station.LiveStatus;
import cn.doorstep.station.StationKind;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One result of the map search: enough for a {@code <map>} marker and its callout. This is the shape
 * the API documents; {@link MapItem} writes it (a test keeps the two the same).
 */
public record NearbyItem(
        long id,
        String name,
        Set<StationKind> kinds,
        String address,
        double lat,
        double lng,
        long distance,
        Set<Amenity> amenities,
        Audience audience,
        boolean openNow,
        List<String> todayHours,
        LiveStatus liveStatus,
        String liveNote,
        Instant liveUpdatedAt,
        String photo) {
}
