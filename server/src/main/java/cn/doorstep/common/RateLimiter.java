package cn.doorstep.common;

import java.time.Duration;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Fixed-window rate limits kept in Redis ({@code rate:{rule}:{who}}), so every app instance counts
 * against the same window. Counting and expiry happen in one Lua call: no window can lose its TTL.
 */
@Component
public class RateLimiter {

    private static final RedisScript<Long> HIT = RedisScript.of("""
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            if n > tonumber(ARGV[2]) then return redis.call('PTTL', KEYS[1]) end
            return -1
            """, Long.class);

    private final StringRedisTemplate redis;

    RateLimiter(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** Counts one attempt; throws {@link RateLimitedException} once {@code limit} is passed in the window. */
    public void hit(String rule, String who, int limit, Duration window) {
        Long waitMillis = redis.execute(HIT, List.of("rate:" + rule + ":" + who),
                Long.toString(window.toMillis()), Integer.toString(limit));
        if (waitMillis != null && waitMillis >= 0) {
            throw new RateLimitedException(Math.max(1, (waitMillis + 999) / 1000));
        }
    }
}
