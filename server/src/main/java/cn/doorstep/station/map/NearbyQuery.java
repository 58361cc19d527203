package cn.doorstep.station.map;

import cn.doorstep.station.StationKind;

/**
 * {@code GET /stations/nearby}'s query, already validated by the controller. Coordinates are GCJ-02;
 * they are used for this query and neither stored nor logged.
 */
public record NearbyQuery(double lat, double lng, Integer radius, StationKind kind, String amenities, Boolean openNow,
                          Integer page, Integer size) {

    public static final int DEFAULT_RADIUS = 3000;

    public NearbyQuery {
        radius = radius == null ? DEFAULT_RADIUS : radius;
        openNow = openNow != null && openNow;
        page = page == null ? 1 : page;
        size = size == null ? 20 : size;
    }

    /** Redacted: a query's coordinates must not reach a log through toString(). */
    @Override
    public String toString() {
        return "NearbyQuery[radius=" + radius + ", kind=" + kind + ", amenities=" + amenities + ", openNow=" + openNow
                + ", page=" + page + ", size=" + size + "]";
    }
}
