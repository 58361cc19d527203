package cn.doorstep.support;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.awaitility.Awaitility;

/**
 * Counts the commands the application's Redis client sent (Lettuce's command latency metrics, which
 * Spring Boot records per command type): a Lua script's EVALSHA is one command, one round trip. Counts
 * every command of this test context's client, so a test reads it around one request, without using
 * Redis itself in between.
 */
public final class RedisCommands {

    private static final String COMPLETED = "lettuce.command.completion";

    private final MeterRegistry meters;

    public RedisCommands(MeterRegistry meters) {
        this.meters = meters;
    }

    /** The commands {@code action} made the client send (their completions are recorded just after). */
    public long during(Runnable action) {
        long before = sent();
        action.run();
        long[] last = {-1};
        // a completion is recorded on Lettuce's event loop, a moment after the reply reached the caller
        Awaitility.await().pollDelay(Duration.ofMillis(50)).atMost(Duration.ofSeconds(2)).until(() -> {
            long now = sent();
            boolean settled = now == last[0];
            last[0] = now;
            return settled;
        });
        return last[0] - before;
    }

    private long sent() {
        return meters.find(COMPLETED).timers().stream().mapToLong(Timer::count).sum();
    }
}
