package cn.doorstep.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * {@code Idempotency-Key} for the POSTs that spend or reserve (DESIGN §6): the first request with a
 * key runs; a repeat with the same key and the same body gets the first reply; the same key with
 * another body is a 422; a repeat while the first still runs is a 409. Only a request that changed
 * something is kept, in Redis ({@code idem:{user}:{key}}) for a day, in every instance's view. A
 * refusal (a 4xx: full, sold out, a limit, not enough points — nothing changed) and a failure of ours
 * (5xx) are not kept: the retry decides again against the state it finds then, so a seat freed or a
 * reward restocked meanwhile serves it. The features answer their cheapest refusals (a Redis gate
 * saying full or sold out) before calling {@link #once}, so those never touch the key at all.
 * Concurrent duplicates stay safe: the gates' holder sets and MySQL's unique keys decide.
 */
@Component
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    private static final Duration RUNNING_FOR = Duration.ofMinutes(1);
    private static final Duration KEPT_FOR = Duration.ofDays(1);

    /**
     * Claims the key (KEYS[1]) for a request with this fingerprint, or answers what is stored. A refusal
     * kept by a release before 2026-12 ('E|…', kept a day at most) is claimed over: it decides again.
     */
    private static final RedisScript<String> CLAIM = RedisScript.of("""
            if redis.call('SET', KEYS[1], 'P|' .. ARGV[1], 'NX', 'PX', ARGV[2]) then return '' end
            local stored = redis.call('GET', KEYS[1])
            if stored and string.sub(stored, 1, 2) == 'E|' then
              redis.call('SET', KEYS[1], 'P|' .. ARGV[1], 'PX', ARGV[2])
              return ''
            end
            return stored
            """, String.class);

    private final StringRedisTemplate redis;
    private final ObjectMapper json;

    IdempotentRequests(StringRedisTemplate redis, ObjectMapper json) {
        this.redis = redis;
        this.json = json;
    }

    /** 400 naming the header unless {@code key} is 8-64 letters, digits, {@code _} or {@code -}; no I/O. */
    public void requireKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw ApiException.badField(CommonError.VALIDATION_FAILED, HEADER,
                    key == null ? "header is required" : "must be 8-64 letters, digits, _ or -");
        }
    }

    /**
     * Runs {@code work} once per user and key.
     *
     * @param operation names the endpoint: the same key used on another endpoint is another body
     * @param body      what the request asked for; its JSON is compared with the first request's
     */
    public <T> T once(long userId, String key, String operation, Object body, Class<T> replyType, Supplier<T> work) {
        requireKey(key);
        String redisKey = "idem:" + userId + ":" + key;
        String fingerprint = fingerprint(operation, body);
        String stored = redis.execute(CLAIM, List.of(redisKey), fingerprint, Long.toString(RUNNING_FOR.toMillis()));
        if (stored != null && !stored.isEmpty()) {
            return replay(stored, fingerprint, replyType);
        }
        T reply;
        try {
            reply = work.get();
        } catch (RuntimeException refusedOrFailed) {
            redis.delete(redisKey); // nothing changed: the retry decides again
            throw refusedOrFailed;
        }
        redis.opsForValue().set(redisKey, "D|" + fingerprint + "|" + write(reply), KEPT_FOR);
        return reply;
    }

    private <T> T replay(String stored, String fingerprint, Class<T> replyType) {
        String[] parts = stored.split("\\|", 3);
        if (!parts[1].equals(fingerprint)) {
            throw new ApiException(CommonError.IDEMPOTENCY_KEY_REUSED);
        }
        if ("P".equals(parts[0])) {
            throw new ApiException(CommonError.IDEMPOTENT_REQUEST_RUNNING);
        }
        return read(parts[2], json.constructType(replyType));
    }

    private String fingerprint(String operation, Object body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((operation + "\n" + write(body)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A reply is always writable", e);
        }
    }

    private <T> T read(String value, JavaType type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A kept reply is always readable", e);
        }
    }
}
