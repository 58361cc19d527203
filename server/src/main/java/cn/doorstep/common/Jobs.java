package cn.doorstep.common;

import org.slf4j.Logger;
import org.springframework.stereotype.Component;

/**
 * Runs one round of a scheduled job: a failure ends this round only, logged with its stack trace and
 * counted ({@link Failures}, source {@code job.<name>}). The job runs again at its next turn, and the
 * scheduler's other jobs never notice.
 */
@Component
public class Jobs {

    private final Failures failures;

    Jobs(Failures failures) {
        this.failures = failures;
    }

    public void run(Logger log, String job, Runnable round) {
        failures.tolerated(log, "job." + job, "Job " + job + " failed this round; it runs again at its next turn", round);
    }
}
