package cn.doorstep.common;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * How a Redis gate is brought back in line with MySQL: look twice, a grace apart, and correct only what
 * differed both times. A request on its way to MySQL makes a gate differ for milliseconds (its
 * reservation is in Redis, its row not yet committed); a give-back lost to an outage makes it differ
 * until corrected.
 */
public final class Reconciliation {

    private Reconciliation() {
    }

    /** Returns how many of {@code candidates} differed both times and were corrected. */
    public static <T> int correctLasting(Collection<T> candidates, Predicate<T> differs, Duration grace,
                                         Consumer<T> correct) {
        List<T> suspects = candidates.stream().filter(differs).toList();
        if (suspects.isEmpty()) {
            return 0;
        }
        try {
            Thread.sleep(grace.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during the reconciliation's grace", e);
        }
        int corrected = 0;
        for (T suspect : suspects) {
            if (differs.test(suspect)) {
                correct.accept(suspect);
                corrected++;
            }
        }
        return corrected;
    }
}
