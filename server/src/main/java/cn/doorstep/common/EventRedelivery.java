package cn.doorstep.common;

import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Events are delivered, not only stored (DESIGN §4). Spring Modulith's JDBC registry records each
 * publication with the transaction that made its fact true and archives it once its listener
 * succeeded; a listener that failed (a deadlock, an outage, a crash between commit and handling)
 * leaves its publication incomplete, and nothing in Modulith sends it again by itself except at
 * start-up ({@code spring.modulith.events.republish-outstanding-events-on-restart}). This job does:
 * every minute, on one instance, it resubmits what has been incomplete for longer than
 * {@code doorstep.events.redeliver-after} (a listener still running is given that long first). Every
 * listener is idempotent, so a second delivery changes nothing. Archived publications are deleted
 * after {@code doorstep.events.keep-completed}.
 */
@Component
class EventRedelivery {

    private static final Logger log = LoggerFactory.getLogger(EventRedelivery.class);

    private final IncompleteEventPublications incomplete;
    private final CompletedEventPublications completed;
    private final Jobs jobs;
    private final Duration redeliverAfter;
    private final Duration keepCompleted;

    EventRedelivery(IncompleteEventPublications incomplete, CompletedEventPublications completed, Jobs jobs,
                    @Value("${doorstep.events.redeliver-after:5m}") Duration redeliverAfter,
                    @Value("${doorstep.events.keep-completed:7d}") Duration keepCompleted) {
        this.incomplete = incomplete;
        this.completed = completed;
        this.jobs = jobs;
        this.redeliverAfter = redeliverAfter;
        this.keepCompleted = keepCompleted;
    }

    @Scheduled(initialDelayString = "${doorstep.events.redeliver-every:PT1M}",
            fixedDelayString = "${doorstep.events.redeliver-every:PT1M}")
    @SchedulerLock(name = "events.redeliver", lockAtMostFor = "PT10M", lockAtLeastFor = "PT20S")
    void scheduled() {
        jobs.run(log, "events.redeliver", this::redeliver);
    }

    @Scheduled(cron = "${doorstep.events.purge-at:0 30 3 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "events.purge", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
    void scheduledPurge() {
        jobs.run(log, "events.purge", this::purge);
    }

    /** Delivers again every publication incomplete for longer than the grace a running listener gets. */
    void redeliver() {
        incomplete.resubmitIncompletePublicationsOlderThan(redeliverAfter);
    }

    /** Deletes the archived (completed) publications past their retention. */
    void purge() {
        completed.deletePublicationsOlderThan(keepCompleted);
    }
}
