package cn.doorstep.station.map;

import cn.doorstep.common.Jobs;
import cn.doorstep.station.StationChanged;
import cn.doorstep.station.hours.HolidayCalendar;
import cn.doorstep.station.internal.Station;
import cn.doorstep.station.internal.StationDetails;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps Redis in line with MySQL: a full rebuild at start-up (and every few hours, as a safety net),
 * and each station's entries refreshed after its change commits.
 */
@Component
class StationIndexMaintenance implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StationIndexMaintenance.class);

    private final StationIndex index;
    private final StationDetails details;
    private final HolidayCalendar calendar;
    private final Jobs jobs;

    StationIndexMaintenance(StationIndex index, StationDetails details, HolidayCalendar calendar, Jobs jobs) {
        this.index = index;
        this.details = details;
        this.calendar = calendar;
        this.jobs = jobs;
    }

    @Override
    public void run(ApplicationArguments args) {
        calendar.reload();
        index.rebuild();
    }

    @Scheduled(initialDelayString = "${doorstep.station.index-refresh:PT6H}",
            fixedDelayString = "${doorstep.station.index-refresh:PT6H}")
    @SchedulerLock(name = "station.index-rebuild", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
    void periodicRebuild() {
        jobs.run(log, "station.index-rebuild", index::rebuild);
    }

    /**
     * The index first (it records the new row version, and the station's facets and card), then the
     * detail cache: a reader that built a copy from the old row and puts it after the eviction finds
     * the newer version and is refused.
     */
    @TransactionalEventListener(fallbackExecution = true)
    void on(StationChanged event) {
        long id = event.stationId();
        try {
            Station row = details.row(id).orElse(null);
            if (row == null) {
                index.remove(id);
            } else {
                index.apply(details.toDetails(List.of(row)).get(id));
            }
        } catch (RuntimeException e) {
            // MySQL has the change; the next rebuild brings the index back in line
            log.error("Station {} changed but its index entry could not be updated", id, e);
        } finally {
            details.evict(id);
        }
    }
}
