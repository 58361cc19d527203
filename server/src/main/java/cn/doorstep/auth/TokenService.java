package cn.doorstep.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Service;

/**
 * Bearer tokens: {@code {userId}.{43 random characters}}. Redis holds only the token's SHA-256
 * ({@code auth:{userId}:token:{hash}}) mapped to the session, {@code userId|issuedAtMillis}, so a leaked
 * Redis dump cannot be replayed. A session lives {@code token-ttl} past its last use and {@code
 * token-max-age} past its issue at most. Each user's session hashes are filed in {@code
 * auth:{userId}:tokens} (a sorted set by when each reaches its max age), so all of them can be revoked at
 * once (sign out everywhere, a disabled account). Checking a token on a request is one Lua call, which
 * also reads the user's cached roles ({@link RoleService}), and no session exists without its entry in
 * the user's set.
 *
 * <p>Redis Cluster (DESIGN §5): the user id the token starts with is the hash tag of every key of the
 * user's (sessions, their set, the roles' copy and its version), so each script's keys share one slot,
 * and every key a script touches is passed to it; none is built inside Lua. The id tells the holder
 * nothing new (it is theirs, {@code GET /me} shows it); a forged prefix names another user's slot, where
 * the token's hash finds no session.
 *
 * <p>Key generation: until this release sessions were {@code auth:token:{hash}} with tokens without the
 * user id. Those are not read any more: a client holding one gets 401 once and signs in again (the
 * mini-program does so silently); during a rolling deploy, an instance of the older release answers 401
 * to a token of this one the same way.
 */
@Service
public class TokenService {

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * KEYS: the session, the user's set. ARGV: the session value, its TTL (ms), the max age (ms), the
     * token's hash, now (ms). Drops the hashes of sessions past their max age.
     */
    private static final RedisScript<Long> ISSUE = RedisScript.of("""
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[5])
            redis.call('ZADD', KEYS[2], tonumber(ARGV[5]) + tonumber(ARGV[3]), ARGV[4])
            redis.call('PEXPIRE', KEYS[2], ARGV[3])
            return 1
            """, Long.class);

    /**
     * KEYS: the session, the roles' copy, its version. ARGV: now (ms), the TTL (ms), the max age (ms). For
     * a live session, whose expiry moves to min(TTL, what is left of its max age): the user id, the
     * roles' copy and its version (nil when absent), read in the same call because every authenticated
     * request needs them. Nil, and the session deleted, when it is past its max age or has no issue time.
     */
    private static final RedisScript<List> RESOLVE = RedisScript.of("""
            local session = redis.call('GET', KEYS[1])
            if not session then return false end
            local bar = string.find(session, '|', 1, true)
            local issued = bar and tonumber(string.sub(session, bar + 1))
            local left = issued and (issued + tonumber(ARGV[3]) - tonumber(ARGV[1])) or 0
            if left <= 0 then
              redis.call('DEL', KEYS[1])
              return false
            end
            redis.call('PEXPIRE', KEYS[1], math.min(tonumber(ARGV[2]), left))
            return {string.sub(session, 1, bar - 1), redis.call('GET', KEYS[2]), redis.call('GET', KEYS[3])}
            """, List.class);

    /** KEYS: the session, the user's set. ARGV: the token's hash. */
    private static final RedisScript<Long> REVOKE = RedisScript.of("""
            redis.call('ZREM', KEYS[2], ARGV[1])
            return redis.call('DEL', KEYS[1])
            """, Long.class);

    /**
     * KEYS: the user's set, then the sessions read from it. ARGV: their hashes, in the same order. Ends
     * those sessions; returns how many hashes the set still holds (sessions issued since it was read).
     */
    private static final RedisScript<Long> REVOKE_SOME = RedisScript.of("""
            for i = 2, #KEYS do
              redis.call('DEL', KEYS[i])
              redis.call('ZREM', KEYS[1], ARGV[i - 1])
            end
            return redis.call('ZCARD', KEYS[1])
            """, Long.class);

    /** Rounds of {@link #revokeAll} before it gives up on a user signing in faster than it revokes. */
    private static final int REVOKE_ROUNDS = 5;

    private final StringRedisTemplate redis;
    private final AuthProperties properties;
    private final Clock clock;

    TokenService(StringRedisTemplate redis, AuthProperties properties, Clock clock) {
        this.redis = redis;
        this.properties = properties;
        this.clock = clock;
    }

    /** Starts a session for the user. It holds the user id and the issue time, nothing else. */
    public String issue(long userId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = userId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String hash = hash(token);
        long ttl = Math.min(properties.tokenTtl().toMillis(), properties.tokenMaxAge().toMillis());
        long now = clock.millis();
        redis.execute(ISSUE, List.of(sessionKey(userId, hash), userTokensKey(userId)),
                userId + "|" + now, Long.toString(ttl), Long.toString(properties.tokenMaxAge().toMillis()),
                hash, Long.toString(now));
        return token;
    }

    /**
     * A live session, with what Redis holds of its user's roles ({@link RoleService#grantsFrom} makes
     * grants of it): the copy and its version, each null when Redis has none.
     */
    public record Session(long userId, String cachedRoles, String rolesVersion) {
    }

    /** The session a live token belongs to; each call restarts the token's TTL, up to its max age. */
    public Optional<Session> resolve(String token) {
        long userId = userOf(token);
        if (userId <= 0) {
            return Optional.empty();
        }
        List<?> found = redis.execute(RESOLVE, List.of(sessionKey(userId, hash(token)), RoleService.cacheKey(userId),
                        RoleService.versionKey(userId)), Long.toString(clock.millis()),
                Long.toString(properties.tokenTtl().toMillis()), Long.toString(properties.tokenMaxAge().toMillis()));
        if (found == null || found.isEmpty() || found.get(0) == null
                || !Long.toString(userId).equals(found.get(0).toString())) {
            return Optional.empty();
        }
        return Optional.of(new Session(userId, text(found, 1), text(found, 2)));
    }

    private static String text(List<?> values, int index) {
        return values.size() > index && values.get(index) != null ? values.get(index).toString() : null;
    }

    public void revoke(long userId, String token) {
        String hash = hash(token);
        redis.execute(REVOKE, List.of(sessionKey(userId, hash), userTokensKey(userId)), hash);
    }

    /**
     * Ends every session of the user; returns how many there were. Reads the user's set, then ends the
     * sessions it names in one script that is passed each of their keys (a script builds no key name:
     * Redis Cluster), again while sessions issued in between remain.
     */
    public long revokeAll(long userId) {
        String set = userTokensKey(userId);
        long revoked = 0;
        for (int round = 0; round < REVOKE_ROUNDS; round++) {
            Set<String> hashes = redis.opsForZSet().range(set, 0, -1);
            if (hashes == null || hashes.isEmpty()) {
                break;
            }
            var keys = new ArrayList<String>(hashes.size() + 1);
            keys.add(set);
            hashes.forEach(hash -> keys.add(sessionKey(userId, hash)));
            Long left = redis.execute(REVOKE_SOME, keys, hashes.toArray());
            revoked += hashes.size();
            if (left == null || left == 0) {
                break;
            }
        }
        return revoked;
    }

    public long ttlSeconds() {
        return properties.tokenTtl().toSeconds();
    }

    /** The user a token names (the digits before its dot); 0 for a token of another shape. */
    static long userOf(String token) {
        int dot = token.indexOf('.');
        if (dot < 1 || dot > 19) {
            return 0;
        }
        for (int i = 0; i < dot; i++) {
            if (token.charAt(i) < '0' || token.charAt(i) > '9') {
                return 0;
            }
        }
        try {
            return Long.parseLong(token, 0, dot, 10);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** {@code auth:{userId}:token:{sha256(token)}}: a session, in its user's slot. */
    static String sessionKey(long userId, String hash) {
        return "auth:{" + userId + "}:token:" + hash;
    }

    /** {@code auth:{userId}:tokens}: the user's session hashes, scored by when each reaches its max age. */
    static String userTokensKey(long userId) {
        return "auth:{" + userId + "}:tokens";
    }

    private static String hash(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
