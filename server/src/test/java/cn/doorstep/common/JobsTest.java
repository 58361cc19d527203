package cn.doorstep.common;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A failing job ends its own round only: logged with its stack trace, counted, and the next job runs. */
class JobsTest {

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final Jobs jobs = new Jobs(new Failures(meters));
    final Logger log = (Logger) LoggerFactory.getLogger("cn.doorstep.test.JobsTest");

    @Test
    void aFailingRoundIsLoggedWithItsStackTraceAndCountedAndTheNextJobStillRuns() {
        var logged = new ListAppender<ILoggingEvent>();
        logged.start();
        log.addAppender(logged);
        List<String> ran = new ArrayList<>();

        jobs.run(log, "first", () -> {
            throw new IllegalStateException("lot 42 changed under a locked account");
        });
        jobs.run(log, "second", () -> ran.add("second"));

        assertThat(ran).containsExactly("second");
        assertThat(meters.counter("doorstep.failures", "source", "job.first").count()).isEqualTo(1);
        assertThat(logged.list).hasSize(1);
        assertThat(logged.list.get(0).getFormattedMessage()).contains("first");
        assertThat(logged.list.get(0).getThrowableProxy()).as("the stack trace").isNotNull();
        assertThat(logged.list.get(0).getThrowableProxy().getMessage()).contains("lot 42");
        assertThat(logged.list.get(0).getThrowableProxy().getStackTraceElementProxyArray()).isNotEmpty();
        log.detachAppender(logged);
    }
}
