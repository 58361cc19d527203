package cn.doorstep.common;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.springframework.stereotype.Component;

/**
 * What we do with a failure we catch and carry on after (one item of a job's batch, a job's round, a
 * Redis step that follows a committed change): log it with its stack trace, through the caller's
 * logger, and count it in {@code doorstep.failures{source}}, so a dashboard sees what a log line hides.
 * Messages name ids, never a secret, token, phone or location.
 */
@Component
public class Failures {

    private final MeterRegistry meters;

    Failures(MeterRegistry meters) {
        this.meters = meters;
    }

    public void caught(Logger log, String source, String message, Throwable failure) {
        log.warn(message, failure);
        meters.counter("doorstep.failures", "source", source).increment();
    }

    /** Runs {@code step}; a failure is {@link #caught} and not thrown on. */
    public void tolerated(Logger log, String source, String message, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            caught(log, source, message, e);
        }
    }
}
