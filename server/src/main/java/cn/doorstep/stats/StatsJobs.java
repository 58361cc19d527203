package cn.doorstep.stats;

import cn.doorstep.common.Jobs;
import cn.doorstep.common.Zones;
import java.time.Clock;
import java.time.LocalDate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The safety net under the event folds: today and yesterday (China time) of every community folded again from
 * the sources, whatever an event may have missed (a change made outside the services, a fold that lost to an
 * outage). Correct with any number of instances (a fold is idempotent); the lock only spares them the work.
 */
@Component
class StatsJobs {

    private static final Logger log = LoggerFactory.getLogger(StatsJobs.class);

    private final StatsFolding folding;
    private final Jobs jobs;
    private final Clock clock;

    StatsJobs(StatsFolding folding, Jobs jobs, Clock clock) {
        this.folding = folding;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${doorstep.stats.refold-every:PT30M}", fixedDelayString = "${doorstep.stats.refold-every:PT30M}")
    @SchedulerLock(name = "stats.refold", lockAtMostFor = "PT20M", lockAtLeastFor = "PT5M")
    void refoldRecentDays() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), Zones.CHINA);
        jobs.run(log, "stats.refold", () -> folding.refoldAll(today.minusDays(1), today));
    }
}
