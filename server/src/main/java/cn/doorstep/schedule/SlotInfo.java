package cn.doorstep.schedule;

import java.time.Duration;

/**
 * A slot with the rules that govern booking it: its service's (horizon, notice, cancellation
 * deadline, weekly limit), or its activity's.
 *
 * @param weeklyLimit 0: no limit (activities)
 * @param horizonDays 0: no horizon (activities are bookable from publication)
 * @param activity    null for a service's slot
 */
public record SlotInfo(Slot slot, String title, BookingAudience audience, int horizonDays, Duration minNotice,
                       Duration cancelDeadline, int weeklyLimit, ActivityRef activity) {

    public boolean isActivity() {
        return activity != null;
    }
}
