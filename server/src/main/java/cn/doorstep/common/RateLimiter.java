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

    /**
     * Counting as a Lua function, so a script that does its own work can count the request in the same
     * round trip: {@code rate_limit(key, windowMillis, limit)} returns -1, or the milliseconds to wait.
     */
    public static final String LUA_FUNCTION = """
            local function rate_limit(key, window_ms, limit)
              local n = redis.call('INCR', key)
              if n == 1 then redis.call('PEXPIRE', key, window_ms) end
              if n > tonumber(limit) then return redis.call('PTTL', key) end
              return -1
            end
            """;

    private static final RedisScript<Long> HIT = RedisScript.of(LUA_FUNCTION
            + "return rate_limit(KEYS[1], ARGV[1], ARGV[2])\n", Long.class);

    /** One limit to count against: its Redis key, window and how many requests the window allows. */
    public record Rule(String key, Duration window, int limit) {

        public static Rule of(String rule, String who, int limit, Duration window) {
            return new Rule("rate:" + rule + ":" + who, window, limit);
        }
    }

    private final StringRedisTemplate redis;

    RateLimiter(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** Counts one attempt; throws {@link RateLimitedException} once {@code limit} is passed in the window. */
    public void hit(String rule, String who, int limit, Duration window) {
        Rule counted = Rule.of(rule, who, limit, window);
        refuseIfWaiting(redis.execute(HIT, List.of(counted.key()), Long.toString(window.toMillis()),
                Integer.toString(limit)));
    }

    /** Counts one attempt against a rule whose key the caller chose (e.g. with another script's hash tag). */
    public void hit(Rule rule) {
        refuseIfWaiting(redis.execute(HIT, List.of(rule.key()), Long.toString(rule.window().toMillis()),
                Integer.toString(rule.limit())));
    }

    /** Throws {@link RateLimitedException} when a count (from {@link #LUA_FUNCTION}) says to wait. */
    public static void refuseIfWaiting(Long waitMillis) {
        if (waitMillis != null && waitMillis >= 0) {
            throw new RateLimitedException(Math.max(1, (waitMillis + 999) / 1000));
        }
    }
}
