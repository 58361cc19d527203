package cn.doorstep.schedule;

import cn.doorstep.common.Jobs;
import cn.doorstep.schedule.service.SlotGenerator;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The schedule's clock: slots generated ahead for every service. Correct with any number of instances
 * (INSERT IGNORE on a unique key); the lock only spares them doing the same work at once.
 */
@Component
class ScheduleJobs {

    private static final Logger log = LoggerFactory.getLogger(ScheduleJobs.class);

    private final SlotGenerator generator;
    private final Jobs jobs;

    ScheduleJobs(SlotGenerator generator, Jobs jobs) {
        this.generator = generator;
        this.jobs = jobs;
    }

    @Scheduled(initialDelayString = "${doorstep.schedule.generate-delay:PT30S}",
            fixedDelayString = "${doorstep.schedule.generate-every:PT1H}")
    @SchedulerLock(name = "booking.slots", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
    void generateAhead() {
        jobs.run(log, "booking.slots", generator::generateAll);
    }
}
