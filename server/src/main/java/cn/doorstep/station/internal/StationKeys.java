package cn.doorstep.station.internal;

/** The station feature's Redis keys, in one place (DESIGN §5). MySQL is the record; each is rebuilt from it. */
public final class StationKeys {

    /** One GEO set per kind, {@code station:geo:WARM} and {@code station:geo:SERVICE}: active stations by id. */
    public static final String GEO_PREFIX = "station:geo:";
    /** Hash id → the map's compact per-station data (filter, schedule, live status). */
    public static final String FACETS = "station:facets";
    /** Hash id → the row version the index holds; caches refuse to put anything older. */
    public static final String VERSIONS = "station:versions";
    /** Present once a full rebuild swapped in; a flushed or restarted Redis lacks it. */
    public static final String READY = "station:geo:ready";
    /** The rebuild lease: one instance rebuilds at a time. */
    public static final String REBUILDING = "station:geo:rebuilding";
    /** {@code station:{id}}: the cached detail (JSON). */
    public static final String DETAIL_PREFIX = "station:";
    /** Hash id → the map item's fixed part, as ready JSON members. */
    public static final String CARDS = "station:cards";

    private StationKeys() {
    }
}
