package cn.doorstep.station.hours;

import cn.doorstep.common.Zones;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Says when the holiday calendar runs out. The State Council publishes next year's holidays around
 * November, and nothing here can know them before a platform admin enters them: without them, from
 * 1 January 元旦 and the Spring Festival count as plain days for open-now and for slots. From
 * November a missing next year (and at any time a missing current year) is a warning in the health
 * detail ({@code /actuator/health/calendar}) and a log line at start-up and every morning. It stays
 * UP: stations still open by their weekly hours.
 */
@Component("holidayCalendarHealthIndicator")
class CalendarWatch implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(CalendarWatch.class);

    private final PublicHolidayMapper days;
    private final Clock clock;

    CalendarWatch(PublicHolidayMapper days, Clock clock) {
        this.days = days;
        this.clock = clock;
    }

    /** The warning for today, if the calendar lacks this year, or from November next year. */
    Optional<String> warning() {
        LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
        int year = today.getYear();
        if (!entered(year)) {
            return Optional.of(missing(year));
        }
        if (today.getMonth().compareTo(Month.NOVEMBER) >= 0 && !entered(year + 1)) {
            return Optional.of(missing(year + 1));
        }
        return Optional.empty();
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
        details.put("thisYearEntered", entered(today.getYear()));
        details.put("nextYearEntered", entered(today.getYear() + 1));
        warning().ifPresent(w -> details.put("warning", w));
        return Health.up().withDetails(details).build();
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        logWarning();
    }

    /** Every morning at 09:00 China time, said once (by one instance). */
    @Scheduled(cron = "${doorstep.station.calendar-check:0 0 9 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "station.calendar-check", lockAtMostFor = "PT5M", lockAtLeastFor = "PT1M")
    void everyMorning() {
        logWarning();
    }

    private void logWarning() {
        try {
            warning().ifPresent(w -> log.warn("Holiday calendar: {}", w));
        } catch (RuntimeException e) {
            log.warn("Holiday calendar: could not check whether next year is entered", e);
        }
    }

    private boolean entered(int year) {
        return days.countYear(year) > 0;
    }

    private static String missing(int year) {
        return "no public holidays or make-up working days are entered for " + year + "; a platform admin enters "
                + "them with PUT /api/v1/admin/holidays/{date} (see miniprogram-api-docs/stations-admin.md)";
    }
}
