package cn.doorstep.reward.internal;

import cn.doorstep.common.Failures;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The Redis gate in front of the stock guard ({@code reward:{id}:stock}): a burst on a hot reward is
 * answered "sold out" by Redis once nothing is left, without touching MySQL. It only reserves what
 * MySQL may still refuse; MySQL's guarded update decides. A missing key is reloaded from MySQL's stock
 * (never read as sold out); a reservation the database did not turn into a redemption is given back.
 * <p>
 * Give-backs after a commit (a cancel, a restock) that find no key bump {@code reward:{id}:gen}, and a
 * reload stores its MySQL reading only if that counter did not move since before it read: otherwise a
 * reload that read MySQL just before such a commit could store a count missing those units.
 */
@Component
public class StockGate {

    /**
     * Reserved; sold out; the key is missing (reload it and ask again); or a repeat: this user's request
     * with this Idempotency-Key reserved here before (its answer is the first one's, not the stock's).
     */
    public enum Answer { RESERVED, SOLD_OUT, MISSING, REPEAT }

    /** Keys live a day at most: whatever drift a flush left heals by a reload. */
    static final long KEY_TTL_SECONDS = Duration.ofHours(24).toSeconds();
    private static final int RELOADS = 3;

    /** How long a reservation's request is remembered: as long as its Idempotency-Key is. */
    static final Duration REQUESTS_KEPT = Duration.ofDays(1);

    /**
     * KEYS: stock, requests. ARGV: quantity, the request ('userId:key', or '' for units only), now and
     * how long requests are kept (ms, the app's clock). 2 a repeat, 1 reserved, 0 sold out, -1 missing.
     * The requests that reserved are a sorted set by when: a retry of one that went through (or is still
     * running) is told apart from a new request, so it gets its first answer even after the stock ran out.
     */
    private static final RedisScript<Long> RESERVE = RedisScript.of("""
            if ARGV[2] ~= '' and redis.call('ZSCORE', KEYS[2], ARGV[2]) then return 2 end
            local stock = redis.call('GET', KEYS[1])
            if not stock then return -1 end
            if tonumber(stock) < tonumber(ARGV[1]) then return 0 end
            redis.call('DECRBY', KEYS[1], ARGV[1])
            if ARGV[2] ~= '' then
              redis.call('ZADD', KEYS[2], ARGV[3], ARGV[2])
              redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', tonumber(ARGV[3]) - tonumber(ARGV[4]))
              redis.call('PEXPIRE', KEYS[2], ARGV[4])
            end
            return 1
            """, Long.class);

    /**
     * KEYS: stock, gen, requests. ARGV: quantity (0 for none), TTL (s), the request. A request that
     * failed: its units back, and it is forgotten, so a retry with its key decides again.
     */
    private static final RedisScript<Long> RELEASE = RedisScript.of("""
            redis.call('ZREM', KEYS[3], ARGV[3])
            if tonumber(ARGV[1]) == 0 then return 0 end
            if redis.call('EXISTS', KEYS[1]) == 1 then return redis.call('INCRBY', KEYS[1], ARGV[1]) end
            redis.call('INCR', KEYS[2])
            redis.call('EXPIRE', KEYS[2], ARGV[2])
            return -1
            """, Long.class);

    /** KEYS: stock, gen. ARGV: the gen read before MySQL ('' for none), MySQL's stock, TTL (s). */
    private static final RedisScript<Long> LOAD = RedisScript.of("""
            local gen = redis.call('GET', KEYS[2]) or ''
            if gen ~= ARGV[1] then return 0 end
            if redis.call('SET', KEYS[1], ARGV[2], 'NX', 'EX', ARGV[3]) then return 1 end
            return 0
            """, Long.class);

    /** KEYS: stock, gen. ARGV: quantity, TTL (s). Into an existing count; else tells reloads in flight. */
    private static final RedisScript<Long> GIVE_BACK = RedisScript.of("""
            if redis.call('EXISTS', KEYS[1]) == 1 then return redis.call('INCRBY', KEYS[1], ARGV[1]) end
            redis.call('INCR', KEYS[2])
            redis.call('EXPIRE', KEYS[2], ARGV[2])
            return -1
            """, Long.class);

    /** The ids of the rewards whose gate was loaded (a set), for the reconciliation to walk. */
    static final String LOADED = "reward:gates";

    /** KEYS: stock, gen. ARGV: TTL (s). */
    private static final RedisScript<Long> FORGET = RedisScript.of("""
            redis.call('DEL', KEYS[1])
            redis.call('INCR', KEYS[2])
            redis.call('EXPIRE', KEYS[2], ARGV[1])
            return 1
            """, Long.class);

    private static final Logger log = LoggerFactory.getLogger(StockGate.class);

    private final StringRedisTemplate redis;
    private final Failures failures;
    private final Clock clock;

    StockGate(StringRedisTemplate redis, Failures failures, Clock clock) {
        this.redis = redis;
        this.failures = failures;
        this.clock = clock;
    }

    /** The count; its gen and requests share the hash tag {@code {rewardId}} (one Redis Cluster slot, DESIGN §5). */
    public static String key(long rewardId) {
        return "reward:{" + rewardId + "}:stock";
    }

    static String genKey(long rewardId) {
        return "reward:{" + rewardId + "}:gen";
    }

    static String requestsKey(long rewardId) {
        return "reward:{" + rewardId + "}:requests";
    }

    /**
     * Reserves {@code quantity} for {@code request} (the user and their Idempotency-Key); a missing key is
     * loaded from {@code stockInMySql} first. Sold out only when Redis holds a count and it is too small;
     * when Redis cannot be brought to hold one, MySQL decides alone.
     */
    public Answer reserve(long rewardId, int quantity, String request, LongSupplier stockInMySql) {
        List<String> keys = List.of(key(rewardId), requestsKey(rewardId));
        for (int attempt = 0; attempt <= RELOADS; attempt++) {
            Long result = redis.execute(RESERVE, keys, Integer.toString(quantity), request,
                    Long.toString(clock.millis()), Long.toString(REQUESTS_KEPT.toMillis()));
            if (result != null && result >= 0) {
                return result == 2 ? Answer.REPEAT : result == 1 ? Answer.RESERVED : Answer.SOLD_OUT;
            }
            if (attempt < RELOADS) {
                load(rewardId, stockInMySql);
            }
        }
        return Answer.MISSING;
    }

    /**
     * Units only, for a request that found its own earlier one here ({@link Answer#REPEAT}) but decides
     * after all (it won the Idempotency-Key from a racing twin, or Redis forgot the key).
     */
    public Answer reserveUnits(long rewardId, int quantity, LongSupplier stockInMySql) {
        return reserve(rewardId, quantity, "", stockInMySql);
    }

    /**
     * A request that failed: {@code quantity} units back (0 when it held none), and the request forgotten,
     * so a retry with its key decides again.
     */
    public void release(long rewardId, int quantity, String request) {
        redis.execute(RELEASE, List.of(key(rewardId), genKey(rewardId), requestsKey(rewardId)),
                Integer.toString(quantity), Long.toString(KEY_TTL_SECONDS), request);
    }

    private void load(long rewardId, LongSupplier stockInMySql) {
        String gen = redis.opsForValue().get(genKey(rewardId));
        long stock = stockInMySql.getAsLong(); // read after the gen: see the class comment
        Long loaded = redis.execute(LOAD, List.of(key(rewardId), genKey(rewardId)), gen == null ? "" : gen,
                Long.toString(stock), Long.toString(KEY_TTL_SECONDS));
        if (loaded != null && loaded == 1) {
            redis.opsForSet().add(LOADED, Long.toString(rewardId));
        }
    }

    /** Units back into the gate: a committed cancel, expiry or restock. */
    public void giveBack(long rewardId, int quantity) {
        redis.execute(GIVE_BACK, List.of(key(rewardId), genKey(rewardId)), Integer.toString(quantity),
                Long.toString(KEY_TTL_SECONDS));
    }

    /**
     * {@link #giveBack} after MySQL committed the units back (a cancel, an expiry, a restock): a Redis
     * failure here is logged and counted, never answered as an error (the change is committed, and a
     * retry would be refused as a repeat); the reconciliation brings the count back in line with MySQL.
     */
    public void giveBackAfterCommit(long rewardId, int quantity) {
        failures.tolerated(log, "reward.gate", "Stock gate of reward " + rewardId + " not given " + quantity
                + " back after a commit; the reconciliation corrects it", () -> giveBack(rewardId, quantity));
    }

    /**
     * Forgets the count, so the next request reloads it from MySQL: MySQL refused a reservation as
     * sold out, so Redis counted more than there was (after a reload while reservations were in flight).
     */
    public void forget(long rewardId) {
        redis.execute(FORGET, List.of(key(rewardId), genKey(rewardId)), Long.toString(KEY_TTL_SECONDS));
    }

    /** What Redis holds now; null when nothing (tests and the consistency report read it). */
    public Long peek(long rewardId) {
        String v = redis.opsForValue().get(key(rewardId));
        return v == null ? null : Long.valueOf(v);
    }
}
