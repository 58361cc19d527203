package cn.doorstep.schedule;

import cn.doorstep.common.ApiException;
import cn.doorstep.schedule.internal.Activity;
import cn.doorstep.schedule.internal.ActivityMapper;
import cn.doorstep.schedule.internal.BookableService;
import cn.doorstep.schedule.internal.ServiceMapper;
import cn.doorstep.schedule.internal.SlotMapper;
import cn.doorstep.schedule.internal.SlotRow;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Finds a slot (by id or by activity) with the rules that apply to it: what booking reads before it
 * decides a seat.
 */
@Service
public class SlotCatalog {

    private final SlotMapper slots;
    private final ServiceMapper services;
    private final ActivityMapper activities;
    private final ScheduleProperties properties;

    SlotCatalog(SlotMapper slots, ServiceMapper services, ActivityMapper activities, ScheduleProperties properties) {
        this.slots = slots;
        this.services = services;
        this.activities = activities;
        this.properties = properties;
    }

    public SlotInfo slot(long slotId) {
        SlotRow slot = slots.selectById(slotId);
        if (slot == null) {
            throw new ApiException(ScheduleError.SLOT_NOT_FOUND);
        }
        return info(slot);
    }

    public SlotInfo activity(long activityId) {
        SlotRow slot = slots.selectByActivity(activityId);
        if (slot == null) {
            throw new ApiException(ScheduleError.ACTIVITY_NOT_FOUND);
        }
        return info(slot);
    }

    /** The slot as MySQL holds it now, without its rules (empty when there is no such slot). */
    public Optional<Slot> find(long slotId) {
        return Optional.ofNullable(slots.selectById(slotId)).map(SlotCatalog::slotOf);
    }

    /** The slot's version now (null when there is no such slot): a cheap check that nothing moved. */
    public Long version(long slotId) {
        return slots.selectVersion(slotId);
    }

    public SlotInfo info(SlotRow slot) {
        return info(slot, slot.getActivityId() == null ? null : activities.selectById(slot.getActivityId()),
                slot.getActivityId() != null ? null : services.selectById(slot.getServiceId()));
    }

    /**
     * Many slots with their rules, for a list: one statement each for the slots, their services and
     * their activities, however many there are. Ids without a slot are left out.
     */
    public Map<Long, SlotInfo> slots(Collection<Long> slotIds) {
        if (slotIds.isEmpty()) {
            return Map.of();
        }
        List<SlotRow> rows = slots.selectByIds(Set.copyOf(slotIds));
        Map<Long, Activity> byActivity = byId(rows, SlotRow::getActivityId, activities::selectByIds, Activity::getId);
        Map<Long, BookableService> byService = byId(rows.stream().filter(r -> r.getActivityId() == null).toList(),
                SlotRow::getServiceId, services::selectByIds, BookableService::getId);
        return rows.stream().collect(Collectors.toMap(r -> r.getId(), r -> r.getActivityId() != null
                ? info(r, byActivity.get(r.getActivityId()), null) : info(r, null, byService.get(r.getServiceId()))));
    }

    /** The slots of many activities, keyed by activity: one statement. */
    public Map<Long, SlotRow> slotsOfActivities(Collection<Long> activityIds) {
        if (activityIds.isEmpty()) {
            return Map.of();
        }
        return slots.selectByActivities(Set.copyOf(activityIds)).stream()
                .collect(Collectors.toMap(r -> r.getActivityId(), Function.identity()));
    }

    private SlotInfo info(SlotRow slot, Activity a, BookableService s) {
        if (slot.getActivityId() != null) {
            return new SlotInfo(slotOf(slot), a.getTitle(), BookingAudience.valueOf(a.getAudience()), 0, Duration.ZERO,
                    properties.activityCancelDeadline(), 0,
                    new ActivityRef(a.getId(), a.getStationId(), a.getTitle(), a.getPoints() == null ? 0 : a.getPoints()));
        }
        return new SlotInfo(slotOf(slot), s.getName(), BookingAudience.valueOf(s.getAudience()), s.getHorizonDays(),
                Duration.ofMinutes(s.getMinNoticeMinutes()), Duration.ofMinutes(s.getCancelDeadlineMinutes()),
                s.getWeeklyLimit(), null);
    }

    private static Slot slotOf(SlotRow r) {
        return new Slot(r.getId(), r.getStationId(), r.getServiceId(), r.getActivityId(), r.getStartsAt(), r.getEndsAt(), r.getCapacity(), r.getBooked(), r.getHeld(),
                r.getStatus(), r.getVersion());
    }

    /** The rows {@code load} finds for the distinct non-null keys of {@code from}, by id; no statement when none. */
    private static <T> Map<Long, T> byId(List<SlotRow> from, Function<SlotRow, Long> key,
                                         Function<Collection<Long>, List<T>> load, Function<T, Long> id) {
        Set<Long> ids = from.stream().map(key).filter(Objects::nonNull).collect(Collectors.toSet());
        return ids.isEmpty() ? Map.of() : load.apply(ids).stream().collect(Collectors.toMap(id, Function.identity()));
    }
}
