package cn.doorstep.schedule.activity;

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
import cn.doorstep.schedule.SlotCatalog;
import cn.doorstep.schedule.internal.ActivityMapper;
import cn.doorstep.schedule.internal.ActivityRow;
import cn.doorstep.schedule.internal.SlotMapper;
import cn.doorstep.schedule.internal.SlotRow;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Activities staff publish at a station. Each is one slot (its capacity), so sign-up, cancel, the
 * waitlist and check-in go through the same gate, guards and codes as a service's slot. Closing the
 * slot ({@code POST .../slots/{slotId}/close}) cancels the activity.
 */
@Service
public class Activities {

    private final ActivityMapper activities;
    private final SlotMapper slots;
    private final SlotCatalog catalog;
    private final Managers managers;
    private final AuditLog audit;
    private final Transactions tx;
    private final Clock clock;

    Activities(ActivityMapper activities, SlotMapper slots, SlotCatalog catalog, Managers managers, AuditLog audit,
               Transactions tx, Clock clock) {
        this.activities = activities;
        this.slots = slots;
        this.catalog = catalog;
        this.managers = managers;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public ActivityView publish(CurrentUser me, long stationId, ActivityRequest request) {
        managers.require(me, stationId);
        return publish(stationId, request, me.id());
    }

    /** Publishes without a signed-in manager: for trusted imports (the local demo data); audited as {@code actorId}. */
    public ActivityView publish(long stationId, ActivityRequest request, long actorId) {
        Instant now = clock.instant();
        Instant startsAt = request.startsAt().atZone(Zones.CHINA).toInstant();
        Instant endsAt = request.endsAt().atZone(Zones.CHINA).toInstant();
        if (!startsAt.isAfter(now)) {
            throw ApiException.badField(ScheduleError.BAD_SCHEDULE, "startsAt", "must be in the future");
        }
        if (!endsAt.isAfter(startsAt)) {
            throw ApiException.badField(ScheduleError.BAD_SCHEDULE, "endsAt", "must be after startsAt");
        }
        var row = new ActivityRow();
        row.stationId = stationId;
        row.title = request.title().strip();
        row.place = request.place().strip();
        row.description = request.description() == null || request.description().isBlank() ? null
                : request.description().strip();
        row.startsAt = startsAt;
        row.endsAt = endsAt;
        row.audience = (request.audience() == null ? BookingAudience.ALL : request.audience()).name();
        row.points = request.points() == null ? 0 : request.points();
        row.createdBy = actorId;
        row.createdAt = now;
        long id = tx.readCommitted(() -> {
            activities.insert(row);
            var slot = new SlotRow();
            slot.stationId = stationId;
            slot.activityId = row.id;
            slot.startsAt = startsAt;
            slot.endsAt = endsAt;
            slot.capacity = request.capacity();
            slot.manual = true;
            slot.createdAt = now;
            slots.insert(slot);
            audit.record(actorId, "booking.activity.publish", "booking_activity", row.id, row.title);
            return row.id;
        });
        return view(activities.selectById(id));
    }

    /** A page of a station's activities that have not ended yet, soonest first; their slots in one statement. */
    @Transactional(readOnly = true)
    public PageResult<ActivityView> coming(long stationId, PageQuery page) {
        managers.active(stationId);
        Instant now = clock.instant();
        long total = activities.countComing(stationId, now);
        List<ActivityRow> rows = total == 0 ? List.of()
                : activities.selectComing(stationId, now, page.size(), page.offset());
        Map<Long, SlotRow> slotOf = catalog.slotsOfActivities(rows.stream().map(a -> a.id).toList());
        return PageResult.of(rows.stream().map(a -> view(a, slotOf.get(a.id))).toList(), total, page);
    }

    private ActivityView view(ActivityRow a) {
        return view(a, slots.selectByActivity(a.id));
    }

    private static ActivityView view(ActivityRow a, SlotRow slot) {
        return new ActivityView(a.id, a.stationId, a.title, a.place, a.description, a.startsAt, a.endsAt, slot.capacity,
                slot.seatsLeft(), BookingAudience.valueOf(a.audience), a.points, slot.id, slot.status);
    }
}
