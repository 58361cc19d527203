package cn.doorstep.station.internal;

/**
 * The station feature's Redis keys, in one place (DESIGN §5). MySQL is the record; each is rebuilt from it.
 *
 * <p>All of them carry the hash tag {@code {map}}: the map search reads the index, the holiday calendar
 * and the map's rate limit in one Lua call, a write updates every index key and the versions at once, and
 * a rebuild swaps its fresh keys in by RENAME, so on Redis Cluster they must all live in one slot. The
 * whole map is small (~1 KB per station), so one node holds it easily.
 */
public final class StationKeys {

    /** The hash tag every station key carries. */
    public static final String TAG = "{map}";
    /** One GEO set per kind, {@code station:{map}:geo:WARM} and {@code station:{map}:geo:SERVICE}: active stations by id. */
    public static final String GEO_PREFIX = "station:" + TAG + ":geo:";
    /** Hash id → the map's compact per-station data (filter, schedule, live status). */
    public static final String FACETS = "station:" + TAG + ":facets";
    /** Hash id → the row version the index holds; caches refuse to put anything older. */
    public static final String VERSIONS = "station:" + TAG + ":versions";
    /** Present once a full rebuild swapped in; a flushed or restarted Redis lacks it. */
    public static final String READY = "station:" + TAG + ":geo:ready";
    /** The rebuild lease: one instance rebuilds at a time. */
    public static final String REBUILDING = "station:" + TAG + ":geo:rebuilding";
    /** {@code station:{map}:detail:{id}}: the cached detail (JSON). */
    public static final String DETAIL_PREFIX = "station:" + TAG + ":detail:";
    /** Hash id → the map item's fixed part, as ready JSON members. */
    public static final String CARDS = "station:" + TAG + ":cards";
    /** Hash date → the holiday calendar's entry ({@code station.hours.HolidayCalendar}). */
    public static final String HOLIDAYS = "station:" + TAG + ":holidays";
    /** What a rebuild fills before it swaps in: each data key with this suffix. */
    public static final String NEXT_SUFFIX = ":next";

    private StationKeys() {
    }

    /** The map search's rate-limit counter for a client: {@code rate:{map}:{client}}, in the map's slot. */
    public static String mapRate(String client) {
        return "rate:" + TAG + ":" + client;
    }
}
