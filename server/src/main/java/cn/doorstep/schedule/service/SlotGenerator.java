package cn.doorstep.schedule.service;

import cn.doorstep.common.Failures;
import cn.doorstep.common.Zones;
import cn.doorstep.schedule.internal.BookableService;
import cn.doorstep.schedule.internal.ServiceDateException;
import cn.doorstep.schedule.internal.ServiceDateExceptionMapper;
import cn.doorstep.schedule.internal.ServiceMapper;
import cn.doorstep.schedule.internal.SlotMapper;
import cn.doorstep.schedule.internal.SlotRow;
import cn.doorstep.station.StationDirectory.ScheduleDay;
import cn.doorstep.station.StationDirectory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Cuts a service's schedule into slots for today and its horizon. Which weekday's windows apply on a
 * date is the station's holiday policy ({@link StationDirectory#scheduleDays}); a dated exception of
 * the service replaces them, a day the station is closed has none. Idempotent: (service, start) is a
 * unique key and rows that exist are left alone, so the job may run on every instance at once.
 */
@Component
public class SlotGenerator {

    private static final Logger log = LoggerFactory.getLogger(SlotGenerator.class);
    private static final int BATCH = 100;

    private final ServiceMapper services;
    private final ServiceDateExceptionMapper exceptionRows;
    private final SlotMapper slots;
    private final StationDirectory stations;
    private final ServiceSchedules schedules;
    private final Failures failures;
    private final Clock clock;

    SlotGenerator(ServiceMapper services, ServiceDateExceptionMapper exceptionRows, SlotMapper slots, StationDirectory stations, ServiceSchedules schedules,
                  Failures failures, Clock clock) {
        this.services = services;
        this.exceptionRows = exceptionRows;
        this.slots = slots;
        this.stations = stations;
        this.schedules = schedules;
        this.failures = failures;
        this.clock = clock;
    }

    /** Generates the service's missing slots; returns how many were added. */
    public int generate(BookableService service) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, Zones.CHINA);
        Map<Integer, List<int[]>> weekly = new HashMap<>();
        for (WeeklyWindow rule : schedules.weekly(service.getWeekly())) {
            weekly.computeIfAbsent(rule.day(), d -> new ArrayList<>())
                    .add(new int[] {WeeklyWindow.minutes(rule.opens()), WeeklyWindow.minutes(rule.closes())});
        }
        Map<LocalDate, ServiceDateException> exceptions = new HashMap<>();
        exceptionRows.selectFrom(service.getId(), today).forEach(e -> exceptions.put(e.getOnDate(), e));
        var rows = new ArrayList<SlotRow>();
        for (ScheduleDay day : stations.scheduleDays(service.getStationId(), today, service.getHorizonDays() + 1)) {
            if (day.closed()) {
                continue;
            }
            ServiceDateException exception = exceptions.get(day.date());
            List<int[]> windows = exception == null ? weekly.getOrDefault(day.weekday(), List.of())
                    : Boolean.TRUE.equals(exception.getClosed()) ? List.of()
                    : List.of(new int[] {WeeklyWindow.minutes(exception.getOpens()), WeeklyWindow.minutes(exception.getCloses())});
            for (int[] window : windows) {
                int end = window[1] > window[0] ? window[1] : window[1] + WeeklyWindow.END_OF_DAY;
                for (int start = window[0]; start + service.getSlotMinutes() <= end; start += service.getSlotMinutes()) {
                    Instant startsAt = day.date().atStartOfDay(Zones.CHINA).plusMinutes(start).toInstant();
                    if (startsAt.isAfter(now)) {
                        rows.add(row(service, startsAt, now));
                    }
                }
            }
        }
        int added = 0;
        for (int i = 0; i < rows.size(); i += BATCH) {
            added += slots.insertIgnore(rows.subList(i, Math.min(rows.size(), i + BATCH)));
        }
        return added;
    }

    /** Every active service, a batch at a time; one failing service does not hold up the others. */
    public int generateAll() {
        int added = 0;
        long after = 0;
        while (true) {
            List<BookableService> batch = services.selectActiveAfter(after, BATCH);
            if (batch.isEmpty()) {
                return added;
            }
            for (BookableService service : batch) {
                try {
                    added += generate(service);
                } catch (RuntimeException e) {
                    failures.caught(log, "booking.slots", "Slots of service " + service.getId() + " not generated; the next run tries again", e);
                }
                after = service.getId();
            }
        }
    }

    static SlotRow row(BookableService service, Instant startsAt, Instant now) {
        var slot = new SlotRow();
        slot.setStationId(service.getStationId());
        slot.setServiceId(service.getId());
        slot.setStartsAt(startsAt);
        slot.setEndsAt(startsAt.plusSeconds(60L * service.getSlotMinutes()));
        slot.setCapacity(service.getCapacity());
        slot.setStatus(SlotRow.OPEN);
        slot.setManual(false);
        slot.setCreatedAt(now);
        return slot;
    }
}
