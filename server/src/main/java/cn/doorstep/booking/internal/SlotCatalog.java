package cn.doorstep.booking.internal;

import cn.doorstep.booking.BookingAudience;
import cn.doorstep.booking.BookingError;
import cn.doorstep.booking.BookingProperties;
import cn.doorstep.common.ApiException;
import java.time.Duration;
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
        if (slot.activityId != null) {
            ActivityRow a = activities.selectById(slot.activityId);
            return new SlotInfo(slot, a.title, BookingAudience.valueOf(a.audience), 0, Duration.ZERO,
                    properties.activityCancelDeadline(), 0, a);
        }
        ServiceRow s = services.selectById(slot.serviceId);
        return new SlotInfo(slot, s.name, BookingAudience.valueOf(s.audience), s.horizonDays,
                Duration.ofMinutes(s.minNoticeMinutes), Duration.ofMinutes(s.cancelDeadlineMinutes), s.weeklyLimit, null);
    }
}
