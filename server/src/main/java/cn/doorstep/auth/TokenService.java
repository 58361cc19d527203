package cn.doorstep.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Service;

/**
 * Opaque bearer tokens. Redis holds only the token's SHA-256 ({@code auth:token:{hash}}) mapped to
 * the session, {@code userId|issuedAtMillis}, so a leaked Redis dump cannot be replayed. A session
 * lives {@code token-ttl} past its last use and {@code token-max-age} past its issue at most. Each
 * user's session hashes are filed in {@code auth:user-tokens:{userId}}, so all of them can be revoked at
 * once (sign out everywhere, a disabled account). Every step is one Lua call: checking a token on a
 * request stays one round trip, which also reads the user's cached roles ({@link RoleService}), and no
 * session exists without its entry in the user's set.
 *
 * <p>The scripts name the per-token keys they reach through the set, and the roles' keys of the user
 * they find, themselves: fine on one Redis or Sentinel (DESIGN §3), not on Redis Cluster.
 */
@Service
public class TokenService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String TOKEN_PREFIX = "auth:token:";
    private static final String USER_TOKENS_PREFIX = "auth:user-tokens:";

    /**
     * KEYS: the session, the user's set. ARGV: the session value, its TTL (ms), the max age (ms), the
     * token's hash, the session key prefix. Drops hashes of sessions that have expired meanwhile.
     */
    private static final RedisScript<Long> ISSUE = RedisScript.of("""
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            for _, hash in ipairs(redis.call('SMEMBERS', KEYS[2])) do
              if redis.call('EXISTS', ARGV[5] .. hash) == 0 then redis.call('SREM', KEYS[2], hash) end
            end
            redis.call('SADD', KEYS[2], ARGV[4])
            redis.call('PEXPIRE', KEYS[2], ARGV[3])
            return 1
            """, Long.class);

    /**
     * KEYS: the session. ARGV: now (ms), the TTL (ms), the max age (ms), the key prefixes of the roles'
     * copy and of its version. For a live session, whose expiry moves to min(TTL, what is left of its
     * max age): the user id, the roles' copy and its version (nil when absent), read in the same call
     * because every authenticated request needs them. Nil, and the session deleted, when it is past its
     * max age or has no issue time (a session from before max ages, in no user's set).
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
            local user = string.sub(session, 1, bar - 1)
            return {user, redis.call('GET', ARGV[4] .. user), redis.call('GET', ARGV[5] .. user)}
            """, List.class);

    /** KEYS: the session, the user's set. ARGV: the token's hash. */
    private static final RedisScript<Long> REVOKE = RedisScript.of("""
            redis.call('SREM', KEYS[2], ARGV[1])
            return redis.call('DEL', KEYS[1])
            """, Long.class);

    /** KEYS: the user's set. ARGV: the session key prefix. Returns how many sessions there were. */
    private static final RedisScript<Long> REVOKE_ALL = RedisScript.of("""
            local hashes = redis.call('SMEMBERS', KEYS[1])
            for _, hash in ipairs(hashes) do redis.call('DEL', ARGV[1] .. hash) end
            redis.call('DEL', KEYS[1])
            return #hashes
            """, Long.class);

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
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String hash = hash(token);
        long ttl = Math.min(properties.tokenTtl().toMillis(), properties.tokenMaxAge().toMillis());
        redis.execute(ISSUE, List.of(TOKEN_PREFIX + hash, userTokensKey(userId)),
                userId + "|" + clock.millis(), Long.toString(ttl), Long.toString(properties.tokenMaxAge().toMillis()),
                hash, TOKEN_PREFIX);
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
        List<?> found = redis.execute(RESOLVE, List.of(TOKEN_PREFIX + hash(token)), Long.toString(clock.millis()),
                Long.toString(properties.tokenTtl().toMillis()), Long.toString(properties.tokenMaxAge().toMillis()),
                RoleService.CACHE_PREFIX, RoleService.VERSION_PREFIX);
        if (found == null || found.isEmpty() || found.get(0) == null) {
            return Optional.empty();
        }
        return Optional.of(new Session(Long.parseLong(found.get(0).toString()), text(found, 1), text(found, 2)));
    }

    private static String text(List<?> values, int index) {
        return values.size() > index && values.get(index) != null ? values.get(index).toString() : null;
    }

    public void revoke(long userId, String token) {
        String hash = hash(token);
        redis.execute(REVOKE, List.of(TOKEN_PREFIX + hash, userTokensKey(userId)), hash);
    }

    /** Ends every session of the user at once; returns how many there were. */
    public long revokeAll(long userId) {
        Long revoked = redis.execute(REVOKE_ALL, List.of(userTokensKey(userId)), TOKEN_PREFIX);
        return revoked == null ? 0 : revoked;
    }

    public long ttlSeconds() {
        return properties.tokenTtl().toSeconds();
    }

    private static String userTokensKey(long userId) {
        return USER_TOKENS_PREFIX + userId;
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
