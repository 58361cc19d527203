package cn.doorstep.report.followup;

import cn.doorstep.common.Jobs;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The reports' clocks ({@link ReportEscalation}): escalation and auto-close, every
 * {@code doorstep.report.jobs-every}. Correct with any number of instances (each move is version-checked);
 * the locks only spare them doing the same work at once. Two jobs: one failing never holds up the other.
 */
@Component
class ReportJobs {

    private static final Logger log = LoggerFactory.getLogger(ReportJobs.class);

    private final ReportEscalation escalation;
    private final Jobs jobs;

    ReportJobs(ReportEscalation escalation, Jobs jobs) {
        this.escalation = escalation;
        this.jobs = jobs;
    }

    @Scheduled(initialDelayString = "${doorstep.report.jobs-every:PT5M}", fixedDelayString = "${doorstep.report.jobs-every:PT5M}")
    @SchedulerLock(name = "report.escalation", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
    void escalate() {
        jobs.run(log, "report.escalation", escalation::escalateDue);
    }

    @Scheduled(initialDelayString = "${doorstep.report.jobs-every:PT5M}", fixedDelayString = "${doorstep.report.jobs-every:PT5M}")
    @SchedulerLock(name = "report.auto-close", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
    void autoClose() {
        jobs.run(log, "report.auto-close", escalation::closeUnrated);
    }
}
