package cn.doorstep.schedule.service;

import cn.doorstep.audit.AuditLog;
import cn.doorstep.common.ApiException;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.common.Transactions;
import cn.doorstep.common.Zones;
import cn.doorstep.schedule.BookingAudience;
import cn.doorstep.schedule.Managers;
import cn.doorstep.schedule.ScheduleError;
import cn.doorstep.schedule.SlotCapacityChanged;
import cn.doorstep.schedule.SlotCatalog;
import cn.doorstep.schedule.SlotClosed;
import cn.doorstep.schedule.SlotInfo;
import cn.doorstep.schedule.internal.ServiceException;
import cn.doorstep.schedule.internal.ServiceMapper;
import cn.doorstep.schedule.internal.ServiceRow;
import cn.doorstep.schedule.internal.SlotMapper;
import cn.doorstep.schedule.internal.SlotRow;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A station's bookable services and their slots: what residents browse, and what the station's staff
 * and its community's admins manage (every change audited). Closing a slot, or changing the capacity
 * of coming ones, is published ({@link SlotClosed}, {@link SlotCapacityChanged}) in the transaction that
 * did it: booking cancels the slot's bookings, closes its waitlist and reloads its gate.
 */
@Service
public class BookableServices {

    private final ServiceMapper services;
    private final SlotMapper slots;
    private final ServiceSchedules schedules;
    private final SlotGenerator generator;
    private final SlotCatalog catalog;
    private final Managers managers;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Transactions tx;
    private final Clock clock;

    BookableServices(ServiceMapper services, SlotMapper slots, ServiceSchedules schedules, SlotGenerator generator,
                     SlotCatalog catalog, Managers managers, ApplicationEventPublisher events, AuditLog audit,
                     Transactions tx, Clock clock) {
        this.services = services;
        this.slots = slots;
        this.schedules = schedules;
        this.generator = generator;
        this.catalog = catalog;
        this.managers = managers;
        this.events = events;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** A page of a station's active services, oldest first; their coming exceptions in one statement. */
    @Transactional(readOnly = true)
    public PageResult<ServiceView> atStation(long stationId, PageQuery page) {
        managers.active(stationId);
        long total = services.countActiveAt(stationId);
        List<ServiceRow> rows = total == 0 ? List.of() : services.selectActiveAt(stationId, page.size(), page.offset());
        Map<Long, List<ServiceException>> exceptions = rows.isEmpty() ? Map.of()
                : services.selectExceptionsOf(rows.stream().map(s -> s.id).toList(), today()).stream()
                .collect(Collectors.groupingBy(e -> e.serviceId));
        return PageResult.of(rows.stream().map(s -> view(s, exceptions.getOrDefault(s.id, List.of()))).toList(),
                total, page);
    }

    /** The service's slots starting on a (China) date, with the seats left. */
    @Transactional(readOnly = true)
    public List<SlotView> slots(long serviceId, LocalDate date) {
        ServiceRow service = services.selectById(serviceId);
        if (service == null || !ServiceRow.ACTIVE.equals(service.status)) {
            throw new ApiException(ScheduleError.SERVICE_NOT_FOUND);
        }
        Instant from = date.atStartOfDay(Zones.CHINA).toInstant();
        Instant to = date.plusDays(1).atStartOfDay(Zones.CHINA).toInstant();
        return slots.selectOfService(serviceId, from, to).stream().map(BookableServices::slotView).toList();
    }

    public ServiceView create(CurrentUser me, long stationId, ServiceRequest request) {
        long community = managers.require(me, stationId).communityId();
        schedules.check(request);
        Instant now = clock.instant();
        var row = new ServiceRow();
        row.stationId = stationId;
        row.status = ServiceRow.ACTIVE;
        row.createdAt = now;
        apply(row, request, now);
        ServiceRow saved = tx.readCommitted(() -> {
            services.insert(row);
            saveExceptions(row.id, request);
            audit.record(me.id(), community, "booking.service.create", "booking_service", row.id, row.name);
            return row;
        });
        generator.generate(saved);
        return view(services.selectById(saved.id));
    }

    public ServiceView update(CurrentUser me, long serviceId, ServiceRequest request) {
        ServiceRow row = existing(serviceId);
        long community = managers.require(me, row.stationId).communityId();
        schedules.check(request);
        Instant now = clock.instant();
        boolean capacityChanged = !row.capacity.equals(request.capacity());
        apply(row, request, now);
        tx.readCommitted(() -> {
            services.update(row);
            saveExceptions(row.id, request);
            if (capacityChanged) {
                slots.setCapacity(row.id, now, row.capacity);
                events.publishEvent(new SlotCapacityChanged(row.id, slots.selectFutureIds(row.id, now)));
            }
            audit.record(me.id(), community, "booking.service.update", "booking_service", row.id, row.name);
            return null;
        });
        generator.generate(row);
        return view(services.selectById(row.id));
    }

    /** One extra slot of the service's length, e.g. an evening the schedule does not have. */
    public SlotView addSlot(CurrentUser me, long serviceId, AddSlotRequest request) {
        ServiceRow service = existing(serviceId);
        long community = managers.require(me, service.stationId).communityId();
        Instant now = clock.instant();
        Instant startsAt = request.startsAt().atZone(Zones.CHINA).toInstant();
        if (!startsAt.isAfter(now)) {
            throw ApiException.badField(ScheduleError.BAD_SCHEDULE, "startsAt", "must be in the future");
        }
        SlotRow slot = SlotGenerator.row(service, startsAt, now);
        slot.manual = true;
        try {
            tx.readCommitted(() -> {
                slots.insert(slot);
                audit.record(me.id(), community, "booking.slot.add", "booking_slot", slot.id, "service " + serviceId);
                return slot;
            });
        } catch (DuplicateKeyException exists) {
            throw new ApiException(ScheduleError.SLOT_EXISTS);
        }
        return slotView(slots.selectById(slot.id));
    }

    /** Closes a slot; booking hears of it ({@link SlotClosed}) and cancels its bookings and waitlist. */
    public SlotView closeSlot(CurrentUser me, long slotId) {
        SlotRow slot = slots.selectById(slotId);
        if (slot == null) {
            throw new ApiException(ScheduleError.SLOT_NOT_FOUND);
        }
        long community = managers.require(me, slot.stationId).communityId();
        SlotInfo info = catalog.info(slot);
        tx.readCommitted(() -> {
            if (slots.close(slotId) == 0) {
                throw new ApiException(ScheduleError.SLOT_CLOSED);
            }
            events.publishEvent(new SlotClosed(slotId, slot.stationId, info.title(), slot.startsAt, me.id()));
            audit.record(me.id(), community, "booking.slot.close", "booking_slot", slotId, info.title());
            return null;
        });
        return slotView(slots.selectById(slotId));
    }

    private ServiceRow existing(long serviceId) {
        ServiceRow row = services.selectById(serviceId);
        if (row == null) {
            throw new ApiException(ScheduleError.SERVICE_NOT_FOUND);
        }
        return row;
    }

    private void apply(ServiceRow row, ServiceRequest r, Instant now) {
        row.name = r.name().strip();
        row.kind = r.kind().name();
        row.description = r.description() == null || r.description().isBlank() ? null : r.description().strip();
        row.capacity = r.capacity();
        row.slotMinutes = r.slotMinutes();
        row.weekly = schedules.write(r.weeklySchedule());
        row.horizonDays = r.horizonDays() == null ? 7 : r.horizonDays();
        row.minNoticeMinutes = r.minNoticeMinutes() == null ? 0 : r.minNoticeMinutes();
        row.cancelDeadlineMinutes = r.cancelDeadlineMinutes() == null ? 60 : r.cancelDeadlineMinutes();
        row.weeklyLimit = r.weeklyLimit() == null ? 2 : r.weeklyLimit();
        row.audience = (r.audience() == null ? BookingAudience.RESIDENTS : r.audience()).name();
        row.updatedAt = now;
    }

    private void saveExceptions(long serviceId, ServiceRequest request) {
        services.deleteExceptions(serviceId);
        if (request.exceptions() == null) {
            return;
        }
        for (ScheduleException e : request.exceptions()) {
            var row = new ServiceException();
            row.serviceId = serviceId;
            row.onDate = e.date();
            row.closed = e.closed();
            row.opens = e.closed() ? null : e.opens();
            row.closes = e.closed() ? null : e.closes();
            services.insertException(row);
        }
    }

    private ServiceView view(ServiceRow s) {
        return view(s, services.selectExceptionsFrom(s.id, today()));
    }

    /** @param rows the service's exceptions from today (China time) on, by date */
    private ServiceView view(ServiceRow s, List<ServiceException> rows) {
        List<ScheduleException> exceptions = rows.stream()
                .map(e -> new ScheduleException(e.onDate, e.closed, e.opens, e.closes)).toList();
        return new ServiceView(s.id, s.stationId, s.name, ServiceKind.valueOf(s.kind), s.description, s.capacity,
                s.slotMinutes, schedules.weekly(s.weekly), exceptions, s.horizonDays, s.minNoticeMinutes,
                s.cancelDeadlineMinutes, s.weeklyLimit, BookingAudience.valueOf(s.audience), s.status);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), Zones.CHINA);
    }

    public static SlotView slotView(SlotRow s) {
        return new SlotView(s.id, s.serviceId, s.activityId, s.stationId, s.startsAt, s.endsAt, s.capacity, s.seatsLeft(),
                s.status);
    }
}
