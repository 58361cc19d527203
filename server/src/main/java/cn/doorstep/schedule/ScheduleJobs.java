package cn.doorstep.schedule;

import cn.doorstep.common.Jobs;
import cn.doorstep.schedule.activity.ActivityRules;
import cn.doorstep.schedule.service.SlotGenerator;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The schedule's clocks: slots generated ahead for every service, and the occurrences of repeating
 * activities. Both are correct with any number of instances (unique keys: INSERT IGNORE, or a duplicate
 * skipped); the locks only spare them doing the same work at once. Two jobs: a failing one never skips
 * the other.
 */
@Component
class ScheduleJobs {

    private static final Logger log = LoggerFactory.getLogger(ScheduleJobs.class);

    private final SlotGenerator generator;
    private final ActivityRules rules;
    private final Jobs jobs;

    ScheduleJobs(SlotGenerator generator, ActivityRules rules, Jobs jobs) {
        this.generator = generator;
        this.rules = rules;
        this.jobs = jobs;
    }

    @Scheduled(initialDelayString = "${doorstep.schedule.generate-delay:PT30S}",
            fixedDelayString = "${doorstep.schedule.generate-every:PT1H}")
    @SchedulerLock(name = "booking.slots", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
    void generateAhead() {
        jobs.run(log, "booking.slots", generator::generateAll);
    }

    @Scheduled(initialDelayString = "${doorstep.schedule.generate-delay:PT30S}",
            fixedDelayString = "${doorstep.schedule.generate-every:PT1H}")
    @SchedulerLock(name = "schedule.activity-rules", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
    void makeOccurrences() {
        jobs.run(log, "schedule.activity-rules", rules::generateAll);
    }
}
