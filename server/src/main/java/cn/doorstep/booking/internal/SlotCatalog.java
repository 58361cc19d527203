package cn.doorstep.booking.internal;

import cn.doorstep.booking.BookingAudience;
import cn.doorstep.booking.BookingError;
import cn.doorstep.booking.BookingProperties;
import cn.doorstep.common.ApiException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Finds a slot (by id or by activity) with the rules that apply to it. */
@Component
public class SlotCatalog {

    private final SlotMapper slots;
    private final ServiceMapper services;
    private final ActivityMapper activities;
    private final BookingProperties properties;

    SlotCatalog(SlotMapper slots, ServiceMapper services, ActivityMapper activities, BookingProperties properties) {
        this.slots = slots;
        this.services = services;
        this.activities = activities;
        this.properties = properties;
    }

    public SlotInfo slot(long slotId) {
        SlotRow slot = slots.selectById(slotId);
        if (slot == null) {
            throw new ApiException(BookingError.SLOT_NOT_FOUND);
        }
        return info(slot);
    }

    public SlotInfo activity(long activityId) {
        SlotRow slot = slots.selectByActivity(activityId);
        if (slot == null) {
            throw new ApiException(BookingError.ACTIVITY_NOT_FOUND);
        }
        return info(slot);
    }

    public SlotInfo info(SlotRow slot) {
        return info(slot, slot.activityId == null ? null : activities.selectById(slot.activityId),
                slot.activityId != null ? null : services.selectById(slot.serviceId));
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
        Map<Long, ActivityRow> byActivity = byId(rows, r -> r.activityId, activities::selectByIds, a -> a.id);
        Map<Long, ServiceRow> byService = byId(rows.stream().filter(r -> r.activityId == null).toList(),
                r -> r.serviceId, services::selectByIds, s -> s.id);
        return rows.stream().collect(Collectors.toMap(r -> r.id, r -> r.activityId != null
                ? info(r, byActivity.get(r.activityId), null) : info(r, null, byService.get(r.serviceId))));
    }

    /** The slots of many activities, keyed by activity: one statement. */
    public Map<Long, SlotRow> slotsOfActivities(Collection<Long> activityIds) {
        if (activityIds.isEmpty()) {
            return Map.of();
        }
        return slots.selectByActivities(Set.copyOf(activityIds)).stream()
                .collect(Collectors.toMap(r -> r.activityId, Function.identity()));
    }

    private SlotInfo info(SlotRow slot, ActivityRow a, ServiceRow s) {
        if (slot.activityId != null) {
            return new SlotInfo(slot, a.title, BookingAudience.valueOf(a.audience), 0, Duration.ZERO,
                    properties.activityCancelDeadline(), 0, a);
        }
        return new SlotInfo(slot, s.name, BookingAudience.valueOf(s.audience), s.horizonDays,
                Duration.ofMinutes(s.minNoticeMinutes), Duration.ofMinutes(s.cancelDeadlineMinutes), s.weeklyLimit, null);
    }

    /** The rows {@code load} finds for the distinct non-null keys of {@code from}, by id; no statement when none. */
    private static <T> Map<Long, T> byId(List<SlotRow> from, Function<SlotRow, Long> key,
                                         Function<Collection<Long>, List<T>> load, Function<T, Long> id) {
        Set<Long> ids = from.stream().map(key).filter(Objects::nonNull).collect(Collectors.toSet());
        return ids.isEmpty() ? Map.of() : load.apply(ids).stream().collect(Collectors.toMap(id, Function.identity()));
    }
}
