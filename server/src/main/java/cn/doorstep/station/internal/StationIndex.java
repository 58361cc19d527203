package cn.doorstep.station.internal;

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
import org.springframework.data.geo.Point;
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
    static final String READY = "station:geo:ready";
    static final String REBUILDING = "station:geo:rebuilding";
    private static final int BATCH = 2000;
    private static final Duration REBUILD_LEASE = Duration.ofMinutes(5);

    /** Applies one station's state to the live keys and, during a rebuild, to the keys being built. */
    private static final RedisScript<Long> APPLY = RedisScript.of("""
            local function apply(warm, service, facets)
              if ARGV[4] == '1' then redis.call('GEOADD', warm, ARGV[2], ARGV[3], ARGV[1])
              else redis.call('ZREM', warm, ARGV[1]) end
              if ARGV[5] == '1' then redis.call('GEOADD', service, ARGV[2], ARGV[3], ARGV[1])
              else redis.call('ZREM', service, ARGV[1]) end
              if ARGV[6] ~= '' then redis.call('HSET', facets, ARGV[1], ARGV[6])
              else redis.call('HDEL', facets, ARGV[1]) end
            end
            apply(KEYS[1], KEYS[2], KEYS[3])
            local token = redis.call('GET', KEYS[4])
            if token then
              apply(KEYS[1] .. ':next:' .. token, KEYS[2] .. ':next:' .. token, KEYS[3] .. ':next:' .. token)
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

    /** Brings one station's index entries in line with MySQL (after its change committed). */
    public void apply(StationDetail station) {
        boolean active = station != null && station.status() == StationStatus.ACTIVE;
        redis.execute(APPLY, List.of(GEO_PREFIX + StationKind.WARM, GEO_PREFIX + StationKind.SERVICE, FACETS, REBUILDING),
                String.valueOf(station == null ? 0 : station.id()),
                active ? String.valueOf(station.lng()) : "0", active ? String.valueOf(station.lat()) : "0",
                active && station.kinds().contains(StationKind.WARM) ? "1" : "0",
                active && station.kinds().contains(StationKind.SERVICE) ? "1" : "0",
                active ? StationFacets.of(station).encode() : "");
    }

    public void remove(long stationId) {
        redis.execute(APPLY, List.of(GEO_PREFIX + StationKind.WARM, GEO_PREFIX + StationKind.SERVICE, FACETS, REBUILDING),
                String.valueOf(stationId), "0", "0", "0", "0", "");
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
            Map<StationKind, String> next = new HashMap<>();
            for (StationKind kind : StationKind.values()) {
                next.put(kind, GEO_PREFIX + kind + ":next:" + token);
            }
            String nextFacets = FACETS + ":next:" + token;
            long count = 0;
            long lastId = 0;
            List<Station> batch;
            while (!(batch = stations.selectActiveAfter(lastId, BATCH)).isEmpty()) {
                Map<Long, StationDetail> loaded = details.toDetails(batch);
                Map<StationKind, Map<String, Point>> points = new HashMap<>();
                Map<String, String> facets = new HashMap<>();
                for (StationDetail s : loaded.values()) {
                    for (StationKind kind : s.kinds()) {
                        points.computeIfAbsent(kind, k -> new HashMap<>()).put(String.valueOf(s.id()), new Point(s.lng(), s.lat()));
                    }
                    facets.put(String.valueOf(s.id()), StationFacets.of(s).encode());
                }
                points.forEach((kind, members) -> {
                    redis.opsForGeo().add(next.get(kind), members);
                    redis.expire(next.get(kind), REBUILD_LEASE.multipliedBy(2));
                });
                redis.opsForHash().putAll(nextFacets, facets);
                redis.expire(nextFacets, REBUILD_LEASE.multipliedBy(2));
                count += batch.size();
                lastId = batch.get(batch.size() - 1).getId();
            }
            var keys = new ArrayList<String>(List.of(REBUILDING, READY));
            for (StationKind kind : StationKind.values()) {
                keys.add(next.get(kind));
                keys.add(GEO_PREFIX + kind);
            }
            keys.add(nextFacets);
            keys.add(FACETS);
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
