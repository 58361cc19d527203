package cn.doorstep.station.map;

import cn.doorstep.common.RateLimiter;
import cn.doorstep.station.internal.Station;
import cn.doorstep.station.internal.StationDetails;
import cn.doorstep.station.internal.StationKeys;
import cn.doorstep.station.internal.StationMapper;
import cn.doorstep.station.StationDetail;
import cn.doorstep.station.StationKind;
import cn.doorstep.station.StationStatus;
import java.nio.charset.StandardCharsets;
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
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.data.geo.Distance;
import org.springframework.data.geo.GeoResults;
import org.springframework.data.redis.connection.RedisGeoCommands.DistanceUnit;
import org.springframework.data.redis.connection.RedisGeoCommands.GeoLocation;
import org.springframework.data.redis.connection.RedisGeoCommands.GeoSearchCommandArgs;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.domain.geo.GeoReference;
import org.springframework.data.redis.domain.geo.GeoShape;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.stereotype.Component;

/**
 * The map's Redis side: one GEO set per kind ({@code station:geo:WARM}, {@code station:geo:SERVICE})
 * holding active stations by id, {@code station:facets} with each one's changing data (filter,
 * schedule, live status), and {@code station:cards} with each one's fixed map-item JSON.
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
    private static final String CARDS = StationKeys.CARDS;
    private static final String VERSIONS = StationKeys.VERSIONS;
    private static final String READY = StationKeys.READY;
    private static final String REBUILDING = StationKeys.REBUILDING;
    /** The keys a rebuild fills afresh and swaps in, in the order the WRITE script takes them. */
    private static final List<String> DATA_KEYS = List.of(GEO_PREFIX + StationKind.WARM, GEO_PREFIX + StationKind.SERVICE,
            FACETS, CARDS, VERSIONS);
    /**
     * What a rebuild fills and swaps in: the data keys with {@code :next}. One set of names whoever
     * rebuilds (the lease says who may swap), so a write can name them without reading the lease first.
     */
    private static final List<String> NEXT_KEYS = DATA_KEYS.stream().map(key -> key + StationKeys.NEXT_SUFFIX).toList();
    /** The version of a row that no longer exists: newer than any real one. */
    private static final long GONE = 1L << 53;
    private static final int BATCH = 2000;
    private static final Duration REBUILD_LEASE = Duration.ofMinutes(5);

    /**
     * Writes stations into a set of index keys (KEYS: warm, service, facets, cards, versions, rebuild
     * flag, then the same five keys of a rebuild). ARGV[1] = '1' mirrors each write into the keys a
     * running rebuild is filling (the last five, passed like the others: a script builds no key name,
     * so every key it touches is named in KEYS and shares the hash tag {@code {map}}); any other
     * ARGV[1] is a rebuild's lease token, and the write happens only while that rebuild holds the lease
     * (a rebuild that lost it must not write into the keys the next one fills); then groups
     * of 8: id, lng, lat, in-warm, in-service, facets ('' = none), card ('' = none), row version. Each
     * entry remembers its row version, so an older state never overwrites a newer one, whatever order
     * the writes arrive in.
     */
    private static final RedisScript<Long> WRITE = RedisScript.of("""
            local function apply(warm, service, facets, cards, versions, i)
              local id = ARGV[i]
              local seen = redis.call('HGET', versions, id)
              if seen and tonumber(seen) > tonumber(ARGV[i + 7]) then return end
              redis.call('HSET', versions, id, ARGV[i + 7])
              if ARGV[i + 3] == '1' then redis.call('GEOADD', warm, ARGV[i + 1], ARGV[i + 2], id)
              else redis.call('ZREM', warm, id) end
              if ARGV[i + 4] == '1' then redis.call('GEOADD', service, ARGV[i + 1], ARGV[i + 2], id)
              else redis.call('ZREM', service, id) end
              if ARGV[i + 5] ~= '' then redis.call('HSET', facets, id, ARGV[i + 5])
              else redis.call('HDEL', facets, id) end
              if ARGV[i + 6] ~= '' then redis.call('HSET', cards, id, ARGV[i + 6])
              else redis.call('HDEL', cards, id) end
            end
            if ARGV[1] ~= '0' and ARGV[1] ~= '1' and redis.call('GET', KEYS[6]) ~= ARGV[1] then return 0 end
            local mirror = ARGV[1] == '1' and #KEYS >= 11 and redis.call('EXISTS', KEYS[6]) == 1
            for i = 2, #ARGV, 8 do
              apply(KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], i)
              if mirror then apply(KEYS[7], KEYS[8], KEYS[9], KEYS[10], KEYS[11], i) end
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
     * The map search in one round trip: it counts the request against the client's rate limit, checks
     * the index is ready (a flush or restart of Redis drops the flag, and a write afterwards recreates
     * only parts of the keys), reads the holiday calendar's entries for today and yesterday, finds the
     * stations of each kind within the radius (a station of both kinds once, nearest first), reads
     * their facets and keeps those with the amenities asked for (a station without readable facets is
     * kept: the caller decides from its detail). Then either it cuts the page itself and reads the
     * page's cards (offset ≥ 0: nothing else to filter), or it returns every kept station with the
     * cards of the first few (offset -1: the caller still filters on open now).
     * KEYS: rate limit, ready flag, facets, cards, holidays, then one GEO set per kind.
     * ARGV: rate window (ms), rate limit, lng, lat, radius (m), count per kind, three holiday fields,
     * amenity mask, offset (-1: no page), page size or how many cards to read ahead.
     * Replies {wait} when limited (wait ≥ 0 ms), {-1} when the index is not ready, else
     * {-1, holidays, total kept, ids, distances, facets, cards}, the last four aligned ('' = none).
     */
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> NEARBY = RedisScript.of(RateLimiter.LUA_FUNCTION + """
            local wait = rate_limit(KEYS[1], ARGV[1], ARGV[2])
            if wait >= 0 then return {wait} end
            if redis.call('EXISTS', KEYS[2]) == 0 then return {-1} end
            local holidays = redis.call('HMGET', KEYS[5], ARGV[7], ARGV[8], ARGV[9])
            for i = 1, #holidays do if not holidays[i] then holidays[i] = '' end end
            local hits, seen = {}, {}
            for k = 6, #KEYS do
              local found = redis.call('GEOSEARCH', KEYS[k], 'FROMLONLAT', ARGV[3], ARGV[4],
                                       'BYRADIUS', ARGV[5], 'm', 'ASC', 'COUNT', ARGV[6], 'WITHDIST')
              for _, hit in ipairs(found) do
                if not seen[hit[1]] then
                  seen[hit[1]] = true
                  hits[#hits + 1] = {hit[1], hit[2], tonumber(hit[2])}
                end
              end
            end
            if #KEYS > 6 then table.sort(hits, function(a, b) return a[3] < b[3] end) end
            local ids = {}
            for i, hit in ipairs(hits) do ids[i] = hit[1] end
            local facets = {}
            if #ids > 0 then facets = redis.call('HMGET', KEYS[3], unpack(ids)) end
            local required, kept = tonumber(ARGV[10]), {}
            for i = 1, #hits do
              local f = facets[i]
              local mask = f and tonumber(string.match(f, '^F2|(%d+)|'))
              if not mask or bit.band(mask, required) == required then
                kept[#kept + 1] = {hits[i][1], hits[i][2], f or ''}
              end
            end
            local offset, count = tonumber(ARGV[11]), tonumber(ARGV[12])
            local from, to, cardsTo = 1, #kept, math.min(#kept, count)
            if offset >= 0 then
              from, to = offset + 1, math.min(#kept, offset + count)
              cardsTo = to
            end
            local outIds, outDists, outFacets, outCards, names = {}, {}, {}, {}, {}
            for i = from, to do
              local n = #outIds + 1
              outIds[n], outDists[n], outFacets[n], outCards[n] = kept[i][1], kept[i][2], kept[i][3], ''
              if i <= cardsTo then names[#names + 1] = kept[i][1] end
            end
            if #names > 0 then
              local got = redis.call('HMGET', KEYS[4], unpack(names))
              for j = 1, #names do if got[j] then outCards[j] = got[j] end end
            end
            -- a nil inside a nested reply confuses clients' parsers: missing values travel as ''
            return {-1, holidays, #kept, outIds, outDists, outFacets, outCards}
            """, List.class);

    private final StringRedisTemplate redis;
    private final StationMapper stations;
    private final StationDetails details;
    private final ObjectMapper json;
    private final TaskExecutor background;
    /** Only saves queueing one rebuild per request while the index is down; the lease in Redis decides. */
    private final AtomicBoolean rebuildQueued = new AtomicBoolean();

    StationIndex(StringRedisTemplate redis, StationMapper stations, StationDetails details, ObjectMapper json,
                 @Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) TaskExecutor background) {
        this.redis = redis;
        this.stations = stations;
        this.details = details;
        this.json = json;
        this.background = background;
    }

    /**
     * A station found near a point. {@code facets} is its encoded entry and {@code card} its map-item
     * JSON members as UTF-8 bytes, written into the reply as they are; either is null when the search
     * did not read it (or Redis has none).
     */
    public record Hit(long id, double distance, String facets, byte[] card) {
    }

    /**
     * What the map search reads from Redis: the stations kept (nearest first) — the page alone when
     * the search cut it — how many were kept in all, and the holiday fields it asked for.
     */
    public record Candidates(List<Hit> hits, long total, boolean paged, List<Object> holidayFields) {
    }

    /**
     * One map search: where, which kinds and amenities, whose limit, and either the page to cut
     * ({@code offset} ≥ 0, {@code count} its size) or, for a caller that still filters, how many
     * cards to read ahead ({@code offset} -1, {@code count} the number).
     */
    public record Lookup(Set<StationKind> kinds, double lat, double lng, double radius, int countPerKind,
                         long requiredAmenities, int offset, int count, List<String> holidayFields,
                         RateLimiter.Rule rate) {
    }

    /**
     * Active stations of these kinds within the radius that have the amenities, nearest first, with
     * their facets and cards (see {@link Lookup}); or null when the index is not ready (then it is
     * being rebuilt). Throws {@link cn.doorstep.common.RateLimitedException} when the client searched
     * too often.
     */
    public Candidates nearby(Lookup q) {
        var keys = new ArrayList<String>(5 + q.kinds().size());
        keys.add(q.rate().key());
        keys.add(READY);
        keys.add(FACETS);
        keys.add(CARDS);
        keys.add(HolidayCalendar.KEY);
        q.kinds().forEach(kind -> keys.add(GEO_PREFIX + kind));
        // raw bytes back: the cards go into the reply as they are, never decoded and encoded again
        @SuppressWarnings("unchecked")
        List<Object> reply = redis.execute(NEARBY, RedisSerializer.string(), (RedisSerializer) RedisSerializer.byteArray(),
                keys, Long.toString(q.rate().window().toMillis()),
                Integer.toString(q.rate().limit()), String.valueOf(q.lng()), String.valueOf(q.lat()),
                String.valueOf(q.radius()), String.valueOf(q.countPerKind()), q.holidayFields().get(0),
                q.holidayFields().get(1), q.holidayFields().get(2), Long.toString(q.requiredAmenities()),
                Integer.toString(q.offset()), Integer.toString(q.count()));
        RateLimiter.refuseIfWaiting((Long) reply.get(0));
        if (reply.size() == 1) {
            rebuildInBackground();
            return null;
        }
        List<?> ids = (List<?>) reply.get(3);
        List<?> distances = (List<?>) reply.get(4);
        List<?> facets = (List<?>) reply.get(5);
        List<?> cards = (List<?>) reply.get(6);
        var hits = new ArrayList<Hit>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            byte[] card = (byte[]) cards.get(i);
            hits.add(new Hit(Long.parseLong(text(ids.get(i))), Double.parseDouble(text(distances.get(i))),
                    text(facets.get(i)), card == null || card.length == 0 ? null : card));
        }
        var holidays = new ArrayList<Object>(3);
        ((List<?>) reply.get(1)).forEach(value -> holidays.add(text(value)));
        return new Candidates(hits, (Long) reply.get(2), q.offset() >= 0, holidays);
    }

    /** A reply element as text, or null when absent ('' stands for absent in nested replies). */
    private static String text(Object value) {
        byte[] bytes = (byte[]) value;
        return bytes == null || bytes.length == 0 ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** A station of a GEO set found near a point, and its distance in metres (Redis's sphere). */
    public record GeoHit(long id, double distance) {
    }

    /** Points searched per pipeline: one reply list held at a time, each a few hundred kilobytes at most. */
    private static final int PIPELINE_BATCH = 1000;

    /**
     * For each point (lat, lng pairs), the stations of one kind within its radius (metres), nearest first: one
     * GEOSEARCH per point, sent in pipelines of {@value #PIPELINE_BATCH} (one round trip each, not one per point).
     * Each pipeline also asks whether the index is ready, first and last, so a flush during the search is seen;
     * null when it is not ready (a rebuild is then queued and the caller falls back to MySQL, as the map does).
     */
    public List<List<GeoHit>> withinEach(StationKind kind, double[] lats, double[] lngs, double[] radii) {
        byte[] geo = (GEO_PREFIX + kind).getBytes(StandardCharsets.UTF_8);
        byte[] ready = READY.getBytes(StandardCharsets.UTF_8);
        var args = GeoSearchCommandArgs.newGeoSearchArgs()
                .includeDistance().sortAscending();
        var out = new ArrayList<List<GeoHit>>(lats.length);
        for (int from = 0; from < lats.length; from += PIPELINE_BATCH) {
            int to = Math.min(lats.length, from + PIPELINE_BATCH);
            int start = from;
            List<Object> replies = redis.executePipelined((RedisCallback<Object>) connection -> {
                connection.keyCommands().exists(ready);
                for (int i = start; i < to; i++) {
                    connection.geoCommands().geoSearch(geo,
                            GeoReference.fromCoordinate(lngs[i], lats[i]),
                            GeoShape.byRadius(new Distance(radii[i], DistanceUnit.METERS)), args);
                }
                connection.keyCommands().exists(ready);
                return null;
            });
            if (!Boolean.TRUE.equals(replies.get(0)) || !Boolean.TRUE.equals(replies.get(replies.size() - 1))) {
                rebuildInBackground();
                return null;
            }
            for (int i = 1; i < replies.size() - 1; i++) {
                var hits = new ArrayList<GeoHit>();
                if (replies.get(i) instanceof GeoResults<?> results) {
                    for (var result : results.getContent()) {
                        Object name = ((GeoLocation<?>) result.getContent()).getName();
                        String id = name instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(name);
                        hits.add(new GeoHit(Long.parseLong(id), result.getDistance().getValue()));
                    }
                }
                out.add(hits);
            }
        }
        return out;
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
        return read(FACETS, ids);
    }

    /** The cards (map-item JSON members, UTF-8) of these stations; a station without one is absent. */
    public Map<Long, byte[]> cards(List<Long> ids) {
        var out = new HashMap<Long, byte[]>();
        read(CARDS, ids).forEach((id, card) -> {
            if (card != null) {
                out.put(id, card.getBytes(StandardCharsets.UTF_8));
            }
        });
        return out;
    }

    private Map<Long, String> read(String hash, List<Long> ids) {
        var out = new HashMap<Long, String>();
        if (ids.isEmpty()) {
            return out;
        }
        List<Object> values = redis.opsForHash().multiGet(hash, ids.stream().map(String::valueOf).map(Object.class::cast).toList());
        for (int i = 0; i < ids.size(); i++) {
            out.put(ids.get(i), (String) values.get(i));
        }
        return out;
    }

    /** Brings one station's index entries in line with its row (after its change committed). */
    public void apply(StationDetail station) {
        write(liveKeys(), "1", List.of(entry(station)));
    }

    /** Forgets a station whose row is gone. */
    public void remove(long stationId) {
        write(liveKeys(), "1", List.of(List.of(String.valueOf(stationId), "0", "0", "0", "0", "", "",
                String.valueOf(GONE))));
    }

    /** @param mode "1" mirrors into a running rebuild's keys, "0" does not, a lease token writes only under it */
    private void write(List<String> keys, String mode, List<List<String>> entries) {
        var args = new ArrayList<String>(1 + entries.size() * 8);
        args.add(mode);
        entries.forEach(args::addAll);
        redis.execute(WRITE, keys, args.toArray());
    }

    private List<String> entry(StationDetail s) {
        boolean active = s.status() == StationStatus.ACTIVE;
        return List.of(String.valueOf(s.id()), active ? String.valueOf(s.lng()) : "0", active ? String.valueOf(s.lat()) : "0",
                active && s.kinds().contains(StationKind.WARM) ? "1" : "0",
                active && s.kinds().contains(StationKind.SERVICE) ? "1" : "0",
                active ? StationFacets.of(s).encode() : "", active ? StationCard.members(s, json) : "",
                String.valueOf(s.version()));
    }

    private static List<String> liveKeys() {
        var keys = new ArrayList<>(DATA_KEYS);
        keys.add(REBUILDING);
        keys.addAll(NEXT_KEYS);
        return keys;
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
            List<String> next = NEXT_KEYS;
            redis.delete(next); // what a rebuild that lost its lease may have left; one slot: one DEL
            var nextWithFlag = new ArrayList<>(next);
            nextWithFlag.add(REBUILDING);
            long count = 0;
            long lastId = 0;
            List<Station> batch;
            while (!(batch = stations.selectActiveAfter(lastId, BATCH)).isEmpty()) {
                // each batch's hour exceptions are read after its rows: a row's version then covers them
                Map<Long, StationDetail> loaded = details.toDetails(batch);
                write(nextWithFlag, token, batch.stream().map(row -> entry(loaded.get(row.getId()))).toList());
                next.forEach(key -> redis.expire(key, REBUILD_LEASE.multipliedBy(2)));
                count += batch.size();
                lastId = batch.get(batch.size() - 1).getId();
            }
            var keys = new ArrayList<String>(List.of(REBUILDING, READY));
            for (int i = 0; i < DATA_KEYS.size(); i++) {
                keys.add(next.get(i));
                keys.add(DATA_KEYS.get(i));
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
