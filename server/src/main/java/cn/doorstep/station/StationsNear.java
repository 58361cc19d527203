package cn.doorstep.station;

import cn.doorstep.station.map.StationQueryService;
import java.util.List;
import org.springframework.stereotype.Service;

/** Stations near a point, for features that search their own things "near me" (activities near me). */
@Service
public class StationsNear {

    private final StationQueryService query;

    StationsNear(StationQueryService query) {
        this.query = query;
    }

    /** A station found near the point: its id and distance in metres. */
    public record Near(long stationId, double distance) {
    }

    /**
     * Active stations within {@code radius} metres of a GCJ-02 point, nearest first, through the map's
     * GEO index (MySQL while it is rebuilt), counted against {@code client}'s map-search limit (429).
     */
    public List<Near> around(double lat, double lng, double radius, String client) {
        return query.around(lat, lng, radius, client).stream().map(h -> new Near(h.id(), h.distance())).toList();
    }
}
