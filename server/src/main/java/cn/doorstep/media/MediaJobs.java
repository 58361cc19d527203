package cn.doorstep.media;

import cn.doorstep.common.Jobs;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Images WeChat has not judged yet are sent again: held at upload (WeChat down) or without a verdict past
 * the deadline. Correct on any number of instances (each send is a conditional update on the attempt it
 * read); the lock only spares WeChat duplicate checks.
 */
@Component
class MediaJobs {

    private static final Logger log = LoggerFactory.getLogger(MediaJobs.class);

    private final MediaChecks checks;
    private final Jobs jobs;

    MediaJobs(MediaChecks checks, Jobs jobs) {
        this.checks = checks;
        this.jobs = jobs;
    }

    @Scheduled(initialDelayString = "${doorstep.media.check-every:PT1M}", fixedDelayString = "${doorstep.media.check-every:PT1M}")
    @SchedulerLock(name = "media.checks", lockAtMostFor = "PT10M", lockAtLeastFor = "PT30S")
    void resendChecks() {
        jobs.run(log, "media.checks", checks::resendDue);
    }
}
