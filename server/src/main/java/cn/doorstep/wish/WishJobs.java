package cn.doorstep.wish;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The wish's clocks: claims past their deadline go back to the wall, fulfilments past the confirmation
 * window are confirmed. Correct with any number of instances (each change is a conditional update that
 * re-checks its deadline); the Redis lease {@code wish:jobs} only spares them doing the same work at once.
 */
@Component
class WishJobs {

    private static final Logger log = LoggerFactory.getLogger(WishJobs.class);
    private static final String LEASE = "wish:jobs";

    private final WishClaims claims;
    private final WishCompletion completion;
    private final StringRedisTemplate redis;

    WishJobs(WishClaims claims, WishCompletion completion, StringRedisTemplate redis) {
        this.claims = claims;
        this.completion = completion;
        this.redis = redis;
    }

    @Scheduled(initialDelayString = "${doorstep.wish.jobs-every:PT5M}", fixedDelayString = "${doorstep.wish.jobs-every:PT5M}")
    void scheduled() {
        try {
            if (!Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(LEASE, "1", Duration.ofMinutes(5)))) {
                return;
            }
            try {
                run();
            } finally {
                redis.delete(LEASE);
            }
        } catch (RuntimeException e) {
            log.warn("Wish deadlines and confirmations failed this round: {}", e.getClass().getSimpleName());
        }
    }

    /** One round: returns the claims expired and the wishes confirmed. */
    int[] run() {
        return new int[] {claims.expireDue(), completion.autoConfirmDue()};
    }
}
