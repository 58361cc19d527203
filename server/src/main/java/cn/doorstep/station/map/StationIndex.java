package cn.doorstep.station.map;

import cn.doorstep.station.internal.Station;
import cn.doorstep.station.internal.StationDetails;
import cn.doorstep.station.internal.StationKeys;
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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import cn.doorstep.station.hours.HolidayCalendar;
import java.util.Comparator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
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

    private static final String GEO_PREFIX = StationKeys.GEO_PREFIX;
    private static final String FACETS = StationKeys.FACETS;
    private static final String VERSIONS = StationKeys.VERSIONS;
    private static final String READY = StationKeys.READY;
    private static final String REBUILDING = StationKeys.REBUILDING;
    /** The version of a row that no longer exists: newer than any real one. */
    private static final long GONE = 1L << 53;
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

    /**
     * The map search in one round trip: whether the index is ready (a flush or restart of Redis drops
     * the flag, and a write afterwards recreates only parts of the keys), the holiday calendar's
     * entries for today and yesterday, the stations of each kind within the radius (nearest first, a
     * station of both kinds once) and their facets.
     * KEYS: ready flag, facets, holidays, then one GEO set per kind. ARGV: lng, lat, radius (m), limit,
     * then the holiday fields. Returns an empty reply when the index is not ready.
     */
    private static final RedisScript<List> NEARBY = RedisScript.of("""
            if redis.call('EXISTS', KEYS[1]) == 0 then return {} end
            local holidays = redis.call('HMGET', KEYS[3], ARGV[5], ARGV[6], ARGV[7])
            local ids, dists, seen = {}, {}, {}
            for k = 4, #KEYS do
              local found = redis.call('GEOSEARCH', KEYS[k], 'FROMLONLAT', ARGV[1], ARGV[2],
                                       'BYRADIUS', ARGV[3], 'm', 'ASC', 'COUNT', ARGV[4], 'WITHDIST')
              for _, hit in ipairs(found) do
                if not seen[hit[1]] then
                  seen[hit[1]] = true
                  ids[#ids + 1] = hit[1]
                  dists[#dists + 1] = hit[2]
                end
              end
            end
            local facets = {}
            if #ids > 0 then facets = redis.call('HMGET', KEYS[2], unpack(ids)) end
            -- a nil inside a nested reply confuses clients' parsers: missing values travel as ''
            for i = 1, #holidays do if not holidays[i] then holidays[i] = '' end end
            for i = 1, #facets do if not facets[i] then facets[i] = '' end end
            return {holidays, ids, dists, facets}
            """, List.class);

    private final StringRedisTemplate redis;
    private final StationMapper stations;
    private final StationDetails details;
    private final TaskExecutor background;
    /** Only saves queueing one rebuild per request while the index is down; the lease in Redis decides. */
    private final AtomicBoolean rebuildQueued = new AtomicBoolean();

    StationIndex(StringRedisTemplate redis, StationMapper stations, StationDetails details,
                 @Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) TaskExecutor background) {
        this.redis = redis;
        this.stations = stations;
        this.details = details;
        this.background = background;
    }

    /** A station found near a point; {@code facets} is its encoded entry, or null when there is none. */
    public record Hit(long id, double distance, String facets) {
    }

    /** What the map search reads from Redis: the hits, nearest first, and the holiday fields it asked for. */
    public record Candidates(List<Hit> hits, List<Object> holidayFields) {
    }

    /**
     * Active stations of these kinds within {@code radius} metres, nearest first (at most {@code limit}
     * per kind), with their facets; or null when the index is not ready (then it is being rebuilt).
     */
    public Candidates nearby(Set<StationKind> kinds, double lat, double lng, double radius, int limit,
                             List<String> holidayFields) {
        var keys = new ArrayList<String>(3 + kinds.size());
        keys.add(READY);
        keys.add(FACETS);
        keys.add(HolidayCalendar.KEY);
        kinds.forEach(kind -> keys.add(GEO_PREFIX + kind));
        List<Object> reply = redis.execute(NEARBY, keys, String.valueOf(lng), String.valueOf(lat),
                String.valueOf(radius), String.valueOf(limit), holidayFields.get(0), holidayFields.get(1),
                holidayFields.get(2));
        if (reply == null || reply.isEmpty()) {
            rebuildInBackground();
            return null;
        }
        List<?> ids = (List<?>) reply.get(1);
        List<?> distances = (List<?>) reply.get(2);
        List<?> facets = (List<?>) reply.get(3);
        var hits = new ArrayList<Hit>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            String encoded = (String) facets.get(i);
            hits.add(new Hit(Long.parseLong((String) ids.get(i)), Double.parseDouble((String) distances.get(i)),
                    encoded.isEmpty() ? null : encoded));
        }
        if (kinds.size() > 1) {
            hits.sort(Comparator.comparingDouble(Hit::distance));
        }
        var holidays = new ArrayList<Object>(3);
        ((List<?>) reply.get(0)).forEach(value -> holidays.add("".equals(value) ? null : value));
        return new Candidates(hits, holidays);
    }

    /** False when Redis lost the index (flushed, restarted, never built). */
    public boolean ready() {
        return Boolean.TRUE.equals(redis.hasKey(READY));
    }

    /**
     * Rebuilds off the request thread: one instance takes the lease and rebuilds, the others keep
     * answering from MySQL until the ready flag is back.
     */
    public void rebuildInBackground() {
        if (!rebuildQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            background.execute(() -> {
                try {
                    rebuild();
                } catch (RuntimeException e) {
                    log.error("Background rebuild of the station index failed", e);
                } finally {
                    rebuildQueued.set(false);
                }
            });
        } catch (RuntimeException rejected) {
            rebuildQueued.set(false);
            throw rejected;
        }
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
    public void apply(StationDetail station) {
        write(liveKeys(), true, List.of(entry(station)));
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

    private static List<String> entry(StationDetail s) {
        long version = s.version();
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
            List<Station> batch;
            while (!(batch = stations.selectActiveAfter(lastId, BATCH)).isEmpty()) {
                // each batch's hour exceptions are read after its rows: a row's version then covers them
                Map<Long, StationDetail> loaded = details.toDetails(batch);
                write(List.of(next.get(0), next.get(1), next.get(2), next.get(3), REBUILDING), false,
                        batch.stream().map(row -> entry(loaded.get(row.getId()))).toList());
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
