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
import cn.doorstep.schedule.internal.BookableService;
import cn.doorstep.schedule.internal.ServiceDateException;
import cn.doorstep.schedule.internal.ServiceDateExceptionMapper;
import cn.doorstep.schedule.internal.ServiceMapper;
import cn.doorstep.schedule.internal.SlotMapper;
import cn.doorstep.schedule.internal.SlotRow;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
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
    private final ServiceDateExceptionMapper exceptionRows;
    private final SlotMapper slots;
    private final ServiceSchedules schedules;
    private final SlotGenerator generator;
    private final SlotCatalog catalog;
    private final Managers managers;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Transactions tx;
    private final Clock clock;

    BookableServices(ServiceMapper services, ServiceDateExceptionMapper exceptionRows, SlotMapper slots, ServiceSchedules schedules, SlotGenerator generator,
                     SlotCatalog catalog, Managers managers, ApplicationEventPublisher events, AuditLog audit,
                     Transactions tx, Clock clock) {
        this.services = services;
        this.exceptionRows = exceptionRows;
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
        Page<BookableService> found = services.selectActiveAt(stationId, new Page<>(page.page(), page.size()));
        List<BookableService> rows = found.getRecords();
        long total = found.getTotal();
        Map<Long, List<ServiceDateException>> exceptions = rows.isEmpty() ? Map.of()
                : exceptionRows.selectFrom(rows.stream().map(BookableService::getId).toList(), today()).stream()
                .collect(Collectors.groupingBy(ServiceDateException::getServiceId));
        return PageResult.of(rows.stream().map(s -> view(s, exceptions.getOrDefault(s.getId(), List.of()))).toList(),
                total, page);
    }

    /** One service, for anyone: 404 when there is none, it is archived, or its station is not running. */
    @Transactional(readOnly = true)
    public ServiceView get(long serviceId) {
        BookableService service = services.selectById(serviceId);
        if (service == null || !BookableService.ACTIVE.equals(service.getStatus())
                || !managers.isActive(service.getStationId())) {
            throw new ApiException(ScheduleError.SERVICE_NOT_FOUND);
        }
        return view(service);
    }

    /** The service's slots starting on a (China) date, with the seats left. */
    @Transactional(readOnly = true)
    public List<SlotView> slots(long serviceId, LocalDate date) {
        BookableService service = services.selectById(serviceId);
        if (service == null || !BookableService.ACTIVE.equals(service.getStatus())) {
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
        var row = new BookableService();
        row.setStationId(stationId);
        row.setStatus(BookableService.ACTIVE);
        row.setCreatedAt(now);
        apply(row, request, now);
        BookableService saved = tx.readCommitted(() -> {
            services.insert(row);
            saveExceptions(row.getId(), request);
            audit.record(me.id(), community, "booking.service.create", "booking_service", row.getId(), row.getName());
            return row;
        });
        generator.generate(saved);
        return view(services.selectById(saved.getId()));
    }

    public ServiceView update(CurrentUser me, long serviceId, ServiceRequest request) {
        BookableService row = existing(serviceId);
        long community = managers.require(me, row.getStationId()).communityId();
        schedules.check(request);
        Instant now = clock.instant();
        boolean capacityChanged = !row.getCapacity().equals(request.capacity());
        apply(row, request, now);
        tx.readCommitted(() -> {
            services.updateById(row);
            saveExceptions(row.getId(), request);
            if (capacityChanged) {
                slots.setCapacity(row.getId(), now, row.getCapacity());
                events.publishEvent(new SlotCapacityChanged(row.getId(), slots.selectFutureIds(row.getId(), now)));
            }
            audit.record(me.id(), community, "booking.service.update", "booking_service", row.getId(), row.getName());
            return null;
        });
        generator.generate(row);
        return view(services.selectById(row.getId()));
    }

    /** One extra slot of the service's length, e.g. an evening the schedule does not have. */
    public SlotView addSlot(CurrentUser me, long serviceId, AddSlotRequest request) {
        BookableService service = existing(serviceId);
        long community = managers.require(me, service.getStationId()).communityId();
        Instant now = clock.instant();
        Instant startsAt = request.startsAt().atZone(Zones.CHINA).toInstant();
        if (!startsAt.isAfter(now)) {
            throw ApiException.badField(ScheduleError.BAD_SCHEDULE, "startsAt", "must be in the future");
        }
        SlotRow slot = SlotGenerator.row(service, startsAt, now);
        slot.setManual(true);
        try {
            tx.readCommitted(() -> {
                slots.insert(slot);
                audit.record(me.id(), community, "booking.slot.add", "booking_slot", slot.getId(), "service " + serviceId);
                return slot;
            });
        } catch (DuplicateKeyException exists) {
            throw new ApiException(ScheduleError.SLOT_EXISTS);
        }
        return slotView(slots.selectById(slot.getId()));
    }

    /** Closes a slot; booking hears of it ({@link SlotClosed}) and cancels its bookings and waitlist. */
    public SlotView closeSlot(CurrentUser me, long slotId) {
        SlotRow slot = slots.selectById(slotId);
        if (slot == null) {
            throw new ApiException(ScheduleError.SLOT_NOT_FOUND);
        }
        long community = managers.require(me, slot.getStationId()).communityId();
        SlotInfo info = catalog.info(slot);
        tx.readCommitted(() -> {
            if (slots.close(slotId) == 0) {
                throw new ApiException(ScheduleError.SLOT_CLOSED);
            }
            events.publishEvent(new SlotClosed(slotId, slot.getStationId(), info.title(), slot.getStartsAt(), me.id()));
            audit.record(me.id(), community, "booking.slot.close", "booking_slot", slotId, info.title());
            return null;
        });
        return slotView(slots.selectById(slotId));
    }

    private BookableService existing(long serviceId) {
        BookableService row = services.selectById(serviceId);
        if (row == null) {
            throw new ApiException(ScheduleError.SERVICE_NOT_FOUND);
        }
        return row;
    }

    private void apply(BookableService row, ServiceRequest r, Instant now) {
        row.setName(r.name().strip());
        row.setKind(r.kind().name());
        row.setDescription(r.description() == null || r.description().isBlank() ? null : r.description().strip());
        row.setCapacity(r.capacity());
        row.setSlotMinutes(r.slotMinutes());
        row.setWeekly(schedules.write(r.weeklySchedule()));
        row.setHorizonDays(r.horizonDays() == null ? 7 : r.horizonDays());
        row.setMinNoticeMinutes(r.minNoticeMinutes() == null ? 0 : r.minNoticeMinutes());
        row.setCancelDeadlineMinutes(r.cancelDeadlineMinutes() == null ? 60 : r.cancelDeadlineMinutes());
        row.setWeeklyLimit(r.weeklyLimit() == null ? 2 : r.weeklyLimit());
        row.setAudience((r.audience() == null ? BookingAudience.RESIDENTS : r.audience()).name());
        row.setUpdatedAt(now);
    }

    private void saveExceptions(long serviceId, ServiceRequest request) {
        exceptionRows.deleteOf(serviceId);
        if (request.exceptions() == null) {
            return;
        }
        for (ScheduleException e : request.exceptions()) {
            var row = new ServiceDateException();
            row.setServiceId(serviceId);
            row.setOnDate(e.date());
            row.setClosed(e.closed());
            row.setOpens(e.closed() ? null : e.opens());
            row.setCloses(e.closed() ? null : e.closes());
            exceptionRows.insert(row);
        }
    }

    private ServiceView view(BookableService s) {
        return view(s, exceptionRows.selectFrom(s.getId(), today()));
    }

    /** @param rows the service's exceptions from today (China time) on, by date */
    private ServiceView view(BookableService s, List<ServiceDateException> rows) {
        List<ScheduleException> exceptions = rows.stream()
                .map(e -> new ScheduleException(e.getOnDate(), e.getClosed(), e.getOpens(), e.getCloses())).toList();
        return new ServiceView(s.getId(), s.getStationId(), s.getName(), ServiceKind.valueOf(s.getKind()), s.getDescription(), s.getCapacity(),
                s.getSlotMinutes(), schedules.weekly(s.getWeekly()), exceptions, s.getHorizonDays(), s.getMinNoticeMinutes(),
                s.getCancelDeadlineMinutes(), s.getWeeklyLimit(), BookingAudience.valueOf(s.getAudience()), s.getStatus());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), Zones.CHINA);
    }

    public static SlotView slotView(SlotRow s) {
        return new SlotView(s.getId(), s.getServiceId(), s.getActivityId(), s.getStationId(), s.getStartsAt(), s.getEndsAt(), s.getCapacity(), s.seatsLeft(),
                s.getStatus());
    }
}
