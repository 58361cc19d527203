package cn.doorstep.station.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Cached copies of stations (their details) that a slow reader cannot put back stale: a put
 * carries the version of the row it was built from and is dropped when the index already holds a
 * newer version. A change updates the versions before it evicts (see the index maintenance), so a
 * copy built from the old row and put after the eviction loses.
 */
@Component
public class VersionedCache {

    /** KEYS[1] = versions hash, then one cache key per entry; ARGV[1] = TTL ms, then (id, version, value) per entry. */
    private static final RedisScript<Long> PUT_IF_NOT_OLDER = RedisScript.of("""
            local stored = 0
            for i = 2, #KEYS do
              local a = 2 + (i - 2) * 3
              local seen = redis.call('HGET', KEYS[1], ARGV[a])
              if not (seen and tonumber(seen) > tonumber(ARGV[a + 1])) then
                redis.call('SET', KEYS[i], ARGV[a + 2], 'PX', ARGV[1])
                stored = stored + 1
              end
            end
            return stored
            """, Long.class);

    private final StringRedisTemplate redis;

    VersionedCache(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** One built copy: the station, the row version it was built from, and the value to cache. */
    public record Entry(long id, long version, String value) {
    }

    /** The cached values under {@code prefix + id}, in the order asked; null where absent. */
    public List<String> getAll(String prefix, List<Long> ids) {
        List<String> values = redis.opsForValue().multiGet(ids.stream().map(id -> prefix + id).toList());
        return values == null ? Collections.nCopies(ids.size(), null) : values;
    }

    /** Puts each entry under {@code prefix + id} unless the index holds a newer version of its station. */
    public void putAll(String prefix, List<Entry> entries, Duration ttl) {
        if (entries.isEmpty()) {
            return;
        }
        var keys = new ArrayList<String>(entries.size() + 1);
        var args = new ArrayList<String>(entries.size() * 3 + 1);
        keys.add(StationKeys.VERSIONS);
        args.add(Long.toString(ttl.toMillis()));
        for (Entry e : entries) {
            keys.add(prefix + e.id());
            args.add(Long.toString(e.id()));
            args.add(Long.toString(e.version()));
            args.add(e.value());
        }
        redis.execute(PUT_IF_NOT_OLDER, keys, args.toArray());
    }

    public void evict(String prefix, long id) {
        redis.delete(prefix + id);
    }
}
