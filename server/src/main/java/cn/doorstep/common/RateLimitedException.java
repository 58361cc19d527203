package cn.doorstep.common;

/** 429: the caller must wait {@code retryAfterSeconds} (sent as the Retry-After header). */
public class RateLimitedException extends ApiException {

    private final long retryAfterSeconds;

    public RateLimitedException(long retryAfterSeconds) {
        super(CommonError.RATE_LIMITED, "Too many requests; retry in " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
