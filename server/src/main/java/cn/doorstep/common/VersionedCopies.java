package cn.doorstep.common;

import java.time.Duration;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * A copy in Redis of something MySQL holds (a user's role grants, the first page of an inbox), beside a
 * version that every change bumps. A change calls {@link #forget} once its transaction is over; a reader
 * reads the copy and the version together and, on a miss, {@link #keep}s what it loaded only if the version
 * is still the one it saw before loading: a reader that loaded before a change committed cannot put its
 * copy back after the change dropped it. Each caller names its two keys (one hash tag, for Redis Cluster).
 */
@Component
public class VersionedCopies {

    /** Outlives any reader by far; an expired version reads as "", which a reader that saw a number fails. */
    private static final Duration VERSION_TTL = Duration.ofDays(1);

    /** KEYS: the copy, the version. ARGV: the value, the version the reader saw ("" for none), TTL (ms). */
    private static final RedisScript<Long> KEEP_IF_UNCHANGED = RedisScript.of("""
            if (redis.call('GET', KEYS[2]) or '') ~= ARGV[2] then return 0 end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3])
            return 1
            """, Long.class);

    /** KEYS: the copy, the version. ARGV: the version's TTL (ms). */
    private static final RedisScript<Long> FORGET = RedisScript.of("""
            local version = redis.call('INCR', KEYS[2])
            redis.call('PEXPIRE', KEYS[2], ARGV[1])
            redis.call('DEL', KEYS[1])
            return version
            """, Long.class);

    private final StringRedisTemplate redis;

    public VersionedCopies(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** The copy (null when there is none) and the version seen with it, in one round trip. */
    public record Copy(String value, String version) {
    }

    public Copy read(String copyKey, String versionKey) {
        List<String> both = redis.opsForValue().multiGet(List.of(copyKey, versionKey));
        return new Copy(both.get(0), both.get(1));
    }

    /** Keeps {@code value}, loaded after a read saw {@code seenVersion} (null for none), unless a change came since. */
    public void keep(String copyKey, String versionKey, String seenVersion, String value, Duration ttl) {
        redis.execute(KEEP_IF_UNCHANGED, List.of(copyKey, versionKey), value, seenVersion == null ? "" : seenVersion,
                Long.toString(ttl.toMillis()));
    }

    /**
     * {@link #forget} for two keys that need not share a hash tag (names kept readable for a release
     * before): the version bumped first, then the copy dropped, one command each, so it runs on Redis
     * Cluster too; a reader in between finds the old copy, as it would just before a {@link #forget}.
     */
    public void forgetEach(String copyKey, String versionKey) {
        redis.opsForValue().increment(versionKey);
        redis.expire(versionKey, VERSION_TTL);
        redis.delete(copyKey);
    }

    /** Drops the copy and bumps the version, so no reader that saw the old version keeps one. */
    public void forget(String copyKey, String versionKey) {
        redis.execute(FORGET, List.of(copyKey, versionKey), Long.toString(VERSION_TTL.toMillis()));
    }
}
