package cn.doorstep.wish;

import cn.doorstep.common.Jobs;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The wish's clocks: claims past their deadline go back to the wall, fulfilments past the confirmation
 * window are confirmed. Correct with any number of instances (each change is a conditional update that
 * re-checks its deadline); their locks only spare the instances doing the same work at once. Two jobs:
 * one failing never holds up the other.
 */
@Component
class WishJobs {

    private static final Logger log = LoggerFactory.getLogger(WishJobs.class);

    private final WishClaims claims;
    private final WishCompletion completion;
    private final Jobs jobs;

    WishJobs(WishClaims claims, WishCompletion completion, Jobs jobs) {
        this.claims = claims;
        this.completion = completion;
        this.jobs = jobs;
    }

    @Scheduled(initialDelayString = "${doorstep.wish.jobs-every:PT5M}", fixedDelayString = "${doorstep.wish.jobs-every:PT5M}")
    @SchedulerLock(name = "wish.claim-deadlines", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
    void expireClaims() {
        jobs.run(log, "wish.claim-deadlines", claims::expireDue);
    }

    @Scheduled(initialDelayString = "${doorstep.wish.jobs-every:PT5M}", fixedDelayString = "${doorstep.wish.jobs-every:PT5M}")
    @SchedulerLock(name = "wish.auto-confirm", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
    void autoConfirm() {
        jobs.run(log, "wish.auto-confirm", completion::autoConfirmDue);
    }
}
