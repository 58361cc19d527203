package cn.doorstep.notify;

import cn.doorstep.common.Failures;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The first page of each user's inbox (page 1 of 20: what every app start reads), kept in Redis as the
 * JSON it is written as, so the app start costs one Redis read instead of two MySQL reads and the
 * serialising of 20 items ({@code bench/README.md}, "The inbox"). MySQL stays the record: a change to a
 * user's inbox bumps the user's version ({@code inbox:{id}:ver}) and drops the copy once its transaction
 * is over, and a reader keeps what it loaded only if the version is still the one it saw before loading
 * (the role cache's rule): a slow reader cannot put back a page older than a committed change.
 */
@Component
class InboxFirstPages {

    static final int SIZE = 20;
    private static final Logger log = LoggerFactory.getLogger(InboxFirstPages.class);
    /** Bounds how long a copy outlives a change whose drop was lost to a Redis failure. */
    private static final Duration TTL = Duration.ofMinutes(5);
    /** Outlives any reader by far; an expired version reads as "", which a reader that saw a number fails. */
    private static final Duration VERSION_TTL = Duration.ofDays(1);

    /** KEYS: the copy, the version. ARGV: the page's JSON, the version the reader saw ("" for none), TTL (ms). */
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
    private final Failures failures;

    InboxFirstPages(StringRedisTemplate redis, Failures failures) {
        this.redis = redis;
        this.failures = failures;
    }

    /** The copy (null when there is none) and the version seen with it: read together, one round trip. */
    record Copy(String json, String version) {
    }

    Copy read(long userId) {
        List<String> both = redis.opsForValue().multiGet(keys(userId));
        return new Copy(both.get(0), both.get(1));
    }

    /** Keeps a page loaded after {@link #read} saw {@code version}, unless the inbox changed since. */
    void keep(long userId, String version, String json) {
        failures.tolerated(log, "inbox.first-page", "The first inbox page of user " + userId + " was not kept",
                () -> redis.execute(KEEP_IF_UNCHANGED, keys(userId), json, version == null ? "" : version,
                        Long.toString(TTL.toMillis())));
    }

    /** After a change to the user's inbox is over: the copy goes, and no reader that saw the old version keeps one. */
    void forget(long userId) {
        failures.tolerated(log, "inbox.first-page", "The first inbox page of user " + userId + " was not dropped "
                        + "(it lapses within " + TTL.toMinutes() + " minutes)",
                () -> redis.execute(FORGET, keys(userId), Long.toString(VERSION_TTL.toMillis())));
    }

    /** One hash tag per user: the copy and its version sit on one Redis Cluster node, as the scripts need. */
    private static List<String> keys(long userId) {
        return List.of("inbox:{" + userId + "}:first", "inbox:{" + userId + "}:ver");
    }
}
