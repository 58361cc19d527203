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
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * {@code Idempotency-Key} for the POSTs that spend or reserve (DESIGN §6): the first request with a
 * key runs; a repeat with the same key and the same body gets the first reply (success or refusal);
 * the same key with another body is a 422; a repeat while the first still runs is a 409. Replies are
 * kept in Redis ({@code idem:{user}:{key}}) for a day, in every instance's view. A failure of ours
 * (5xx, 503, 429) is not kept: the retry runs again, and the feature's own unique keys make sure it
 * cannot do twice what the first attempt did.
 */
@Component
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    private static final Duration RUNNING_FOR = Duration.ofMinutes(1);
    private static final Duration KEPT_FOR = Duration.ofDays(1);

    /** Claims the key (KEYS[1]) for a request with this fingerprint, or answers what is stored. */
    private static final RedisScript<String> CLAIM = RedisScript.of("""
            if redis.call('SET', KEYS[1], 'P|' .. ARGV[1], 'NX', 'PX', ARGV[2]) then return '' end
            return redis.call('GET', KEYS[1])
            """, String.class);

    private final StringRedisTemplate redis;
    private final ObjectMapper json;

    IdempotentRequests(StringRedisTemplate redis, ObjectMapper json) {
        this.redis = redis;
        this.json = json;
    }

    /** A stored refusal, replayed with its code and status. */
    private record StoredError(String name, Spec spec) implements ErrorCode {
    }

    /**
     * Runs {@code work} once per user and key.
     *
     * @param operation names the endpoint: the same key used on another endpoint is another body
     * @param body      what the request asked for; its JSON is compared with the first request's
     */
    public <T> T once(long userId, String key, String operation, Object body, Class<T> replyType, Supplier<T> work) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw ApiException.badField(CommonError.VALIDATION_FAILED, HEADER,
                    key == null ? "header is required" : "must be 8-64 letters, digits, _ or -");
        }
        String redisKey = "idem:" + userId + ":" + key;
        String fingerprint = fingerprint(operation, body);
        String stored = redis.execute(CLAIM, List.of(redisKey), fingerprint, Long.toString(RUNNING_FOR.toMillis()));
        if (stored != null && !stored.isEmpty()) {
            return replay(stored, fingerprint, replyType);
        }
        T reply;
        try {
            reply = work.get();
        } catch (ApiException refused) {
            keepOrForget(redisKey, fingerprint, refused);
            throw refused;
        } catch (RuntimeException failed) {
            redis.delete(redisKey);
            throw failed;
        }
        redis.opsForValue().set(redisKey, "D|" + fingerprint + "|" + write(reply), KEPT_FOR);
        return reply;
    }

    private <T> T replay(String stored, String fingerprint, Class<T> replyType) {
        String[] parts = stored.split("\\|", 3);
        if (!parts[1].equals(fingerprint)) {
            throw new ApiException(CommonError.IDEMPOTENCY_KEY_REUSED);
        }
        return switch (parts[0]) {
            case "P" -> throw new ApiException(CommonError.IDEMPOTENT_REQUEST_RUNNING);
            case "D" -> read(parts[2], json.constructType(replyType));
            default -> throw storedError(parts[2]);
        };
    }

    private void keepOrForget(String redisKey, String fingerprint, ApiException refused) {
        int status = refused.error().status().value();
        if (status >= 500 || status == HttpStatus.TOO_MANY_REQUESTS.value()) {
            redis.delete(redisKey);
            return;
        }
        var error = refused.error();
        String kept = error.name() + "|" + error.code() + "|" + status + "|" + refused.getMessage();
        redis.opsForValue().set(redisKey, "E|" + fingerprint + "|" + kept, KEPT_FOR);
    }

    private static ApiException storedError(String kept) {
        String[] parts = kept.split("\\|", 4);
        var spec = new ErrorCode.Spec(Integer.parseInt(parts[1]), HttpStatus.valueOf(Integer.parseInt(parts[2])), parts[3]);
        return new ApiException(new StoredError(parts[0], spec), parts[3]);
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
