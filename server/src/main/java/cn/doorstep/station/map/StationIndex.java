package cn.doorstep.station.map;

import cn.doorstep.station.internal.Station;
import cn.doorstep.station.internal.StationDetails;
import cn.doorstep.station.internal.StationMapper;
import cn.doorstep.station.StationDetail;
import cn.doorstep.station.StationKind;
import cn.doorstep.station.StationStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.geo.Distance;
import org.springframework.data.redis.connection.RedisGeoCommands.DistanceUnit;
import org.springframework.data.redis.connection.RedisGeoCommands.GeoSearchCommandArgs;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.domain.geo.GeoReference;
import org.springframework.stereotype.Component;

/**
 * The map's Redis side: one GEO set per kind ({@code station:geo:WARM}, {@code station:geo:SERVICE})
 * holding active stations by id, and {@code station:facets} with each one's filter data.
 *
 * <p>A rebuild reads MySQL into fresh keys and swaps them in atomically, so searches never see a
 * half-built index. A station changed while a rebuild runs is written to both the live and the new
 * keys (one Lua script decides which, atomically with the swap), so no change is lost in between.
 */
@Component
public class StationIndex {

    private static final Logger log = LoggerFactory.getLogger(StationIndex.class);

    static final String GEO_PREFIX = "station:geo:";
    static final String FACETS = "station:facets";
    static final String VERSIONS = "station:versions";
    /** The version of a row that no longer exists: newer than any real one. */
    private static final long GONE = 1L << 53;
    static final String READY = "station:geo:ready";
    static final String REBUILDING = "station:geo:rebuilding";
    private static final int BATCH = 2000;
    private static final Duration REBUILD_LEASE = Duration.ofMinutes(5);

    /**
     * Writes stations into a set of index keys (KEYS: warm, service, facets, versions, rebuild flag).
     * ARGV[1] = '1' mirrors each write into the keys a running rebuild is filling; then groups of 7:
     * id, lng, lat, in-warm, in-service, facets ('' = none), row version. Each entry remembers its row
     * version, so an older state never overwrites a newer one, whatever order the writes arrive in.
     */
    private static final RedisScript<Long> WRITE = RedisScript.of("""
            local function apply(warm, service, facets, versions, i)
              local id = ARGV[i]
              local seen = redis.call('HGET', versions, id)
              if seen and tonumber(seen) > tonumber(ARGV[i + 6]) then return end
              redis.call('HSET', versions, id, ARGV[i + 6])
              if ARGV[i + 3] == '1' then redis.call('GEOADD', warm, ARGV[i + 1], ARGV[i + 2], id)
              else redis.call('ZREM', warm, id) end
              if ARGV[i + 4] == '1' then redis.call('GEOADD', service, ARGV[i + 1], ARGV[i + 2], id)
              else redis.call('ZREM', service, id) end
              if ARGV[i + 5] ~= '' then redis.call('HSET', facets, id, ARGV[i + 5])
              else redis.call('HDEL', facets, id) end
            end
            local token = false
            if ARGV[1] == '1' then token = redis.call('GET', KEYS[5]) end
            for i = 2, #ARGV, 7 do
              apply(KEYS[1], KEYS[2], KEYS[3], KEYS[4], i)
              if token then
                local n = ':next:' .. token
                apply(KEYS[1] .. n, KEYS[2] .. n, KEYS[3] .. n, KEYS[4] .. n, i)
              end
            end
            return 1
            """, Long.class);

    /** Swaps freshly built keys in, if this rebuild still holds the lease. */
    private static final RedisScript<Long> SWAP = RedisScript.of("""
            if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
            for i = 3, #KEYS, 2 do
              if redis.call('EXISTS', KEYS[i]) == 1 then
                redis.call('RENAME', KEYS[i], KEYS[i + 1])
                redis.call('PERSIST', KEYS[i + 1])
              else
                redis.call('DEL', KEYS[i + 1])
              end
            end
            redis.call('SET', KEYS[2], ARGV[2])
            redis.call('DEL', KEYS[1])
            return 1
            """, Long.class);

    private static final RedisScript<Long> RELEASE = RedisScript.of("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0
            """, Long.class);

    private final StringRedisTemplate redis;
    private final StationMapper stations;
    private final StationDetails details;

    StationIndex(StringRedisTemplate redis, StationMapper stations, StationDetails details) {
        this.redis = redis;
        this.stations = stations;
        this.details = details;
    }

    public record Hit(long id, double distance) {
    }

    /** Active stations of one kind within {@code radius} metres, nearest first (at most {@code limit}). */
    public List<Hit> search(StationKind kind, double lat, double lng, double radius, int limit) {
        var results = redis.opsForGeo().search(GEO_PREFIX + kind, GeoReference.fromCoordinate(lng, lat),
                new Distance(radius, DistanceUnit.METERS),
                GeoSearchCommandArgs.newGeoSearchArgs().includeDistance().sortAscending().limit(limit));
        var hits = new ArrayList<Hit>();
        if (results != null) {
            results.forEach(r -> hits.add(new Hit(Long.parseLong(r.getContent().getName()), r.getDistance().getValue())));
        }
        return hits;
    }

    /** False when Redis lost the index (flushed, restarted, never built). */
    public boolean ready() {
        return Boolean.TRUE.equals(redis.hasKey(READY));
    }

    /** The encoded facets of these stations; a station without an entry maps to null. */
    public Map<Long, String> facets(List<Long> ids) {
        List<Object> values = redis.opsForHash().multiGet(FACETS, ids.stream().map(String::valueOf).map(Object.class::cast).toList());
        var out = new HashMap<Long, String>();
        for (int i = 0; i < ids.size(); i++) {
            out.put(ids.get(i), (String) values.get(i));
        }
        return out;
    }

    /** Brings one station's index entries in line with its row (after its change committed). */
    public void apply(StationDetail station, long version) {
        write(liveKeys(), true, List.of(entry(station, version)));
    }

    /** Forgets a station whose row is gone. */
    public void remove(long stationId) {
        write(liveKeys(), true, List.of(List.of(String.valueOf(stationId), "0", "0", "0", "0", "", String.valueOf(GONE))));
    }

    private void write(List<String> keys, boolean mirror, List<List<String>> entries) {
        var args = new ArrayList<String>(1 + entries.size() * 7);
        args.add(mirror ? "1" : "0");
        entries.forEach(args::addAll);
        redis.execute(WRITE, keys, args.toArray());
    }

    private static List<String> entry(StationDetail s, long version) {
        boolean active = s.status() == StationStatus.ACTIVE;
        return List.of(String.valueOf(s.id()), active ? String.valueOf(s.lng()) : "0", active ? String.valueOf(s.lat()) : "0",
                active && s.kinds().contains(StationKind.WARM) ? "1" : "0",
                active && s.kinds().contains(StationKind.SERVICE) ? "1" : "0",
                active ? StationFacets.of(s).encode() : "", String.valueOf(version));
    }

    private static List<String> liveKeys() {
        return List.of(GEO_PREFIX + StationKind.WARM, GEO_PREFIX + StationKind.SERVICE, FACETS, VERSIONS, REBUILDING);
    }

    /**
     * Rebuilds the index from MySQL unless another instance is already doing it.
     *
     * @return true if this call rebuilt it
     */
    public boolean rebuild() {
        String token = UUID.randomUUID().toString();
        if (!Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(REBUILDING, token, REBUILD_LEASE))) {
            return false;
        }
        long started = System.nanoTime();
        try {
            String suffix = ":next:" + token;
            List<String> next = liveKeys().subList(0, 4).stream().map(key -> key + suffix).toList();
            long count = 0;
            long lastId = 0;
            var exceptions = details.allExceptions();
            List<Station> batch;
            while (!(batch = stations.selectActiveAfter(lastId, BATCH)).isEmpty()) {
                Map<Long, StationDetail> loaded = details.toDetails(batch, exceptions);
                write(List.of(next.get(0), next.get(1), next.get(2), next.get(3), REBUILDING), false,
                        batch.stream().map(row -> entry(loaded.get(row.getId()), row.getVersion())).toList());
                next.forEach(key -> redis.expire(key, REBUILD_LEASE.multipliedBy(2)));
                count += batch.size();
                lastId = batch.get(batch.size() - 1).getId();
            }
            var keys = new ArrayList<String>(List.of(REBUILDING, READY));
            List<String> live = liveKeys().subList(0, 4);
            for (int i = 0; i < live.size(); i++) {
                keys.add(next.get(i));
                keys.add(live.get(i));
            }
            Long swapped = redis.execute(SWAP, keys, token, Instant.now().toString());
            log.info("Station index rebuilt from MySQL: {} stations in {} ms{}", count,
                    (System.nanoTime() - started) / 1_000_000, swapped == 1 ? "" : " (lease lost: discarded)");
            return swapped == 1;
        } finally {
            redis.execute(RELEASE, List.of(REBUILDING), token);
        }
    }

    /** Test and operations aid: how many stations of a kind the live index holds. */
    public long size(StationKind kind) {
        Long size = redis.opsForZSet().size(GEO_PREFIX + kind);
        return size == null ? 0 : size;
    }

}
