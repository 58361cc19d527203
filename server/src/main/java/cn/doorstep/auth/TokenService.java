package cn.doorstep.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;

/**
 * Opaque bearer tokens. Redis holds only the token's SHA-256 ({@code auth:token:{hash}}) mapped to
 * the session, so a leaked Redis dump cannot be replayed. Each use pushes the expiry out again
 * (GETEX, one round trip).
 */
@Service
public class TokenService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final StringRedisTemplate redis;
    private final AuthProperties properties;

    TokenService(StringRedisTemplate redis, AuthProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    /**
     * Starts a session. The WeChat session key, when there is one, is kept beside the user id so the
     * server can decrypt WeChat data later; it never leaves Redis.
     */
    public String issue(long userId, String wxSessionKey) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String session = userId + "|" + (wxSessionKey == null ? "" : wxSessionKey);
        redis.opsForValue().set(key(token), session, properties.tokenTtl());
        return token;
    }

    /** The user a live token belongs to; each call restarts the token's TTL. */
    public Optional<Long> resolve(String token) {
        String session = redis.opsForValue().getAndExpire(key(token), properties.tokenTtl());
        if (session == null) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(session.substring(0, session.indexOf('|'))));
    }

    public void revoke(String token) {
        redis.delete(key(token));
    }

    public long ttlSeconds() {
        return properties.tokenTtl().toSeconds();
    }

    private static String key(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return "auth:token:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
