package cn.doorstep.booking.internal;

import cn.doorstep.booking.BookingAudience;
import java.time.Duration;

/**
 * A slot with the rules that govern booking it: its service's (horizon, notice, cancellation
 * deadline, weekly limit), or its activity's.
 *
 * @param weeklyLimit 0: no limit (activities)
 * @param horizonDays 0: no horizon (activities are bookable from publication)
 */
public record SlotInfo(SlotRow slot, String title, BookingAudience audience, int horizonDays, Duration minNotice,
                       Duration cancelDeadline, int weeklyLimit, ActivityRow activity) {

    public boolean isActivity() {
        return activity != null;
    }
}
