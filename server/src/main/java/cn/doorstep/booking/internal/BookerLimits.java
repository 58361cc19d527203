package cn.doorstep.booking.internal;

import cn.doorstep.booking.BookingError;
import cn.doorstep.common.ApiException;
import cn.doorstep.schedule.Slot;
import cn.doorstep.schedule.SlotInfo;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The booker's own limits: not paused after no-shows, and under the service's weekly limit. Checked
 * wherever a seat can become theirs — booking, and accepting a waitlist offer (the booker's member row
 * locked, so parallel requests count one at a time) — and before queueing for one, where it only spares
 * a place in a line they could not take a seat from.
 */
@Component
public class BookerLimits {

    private final BookingMapper bookings;

    BookerLimits(BookingMapper bookings) {
        this.bookings = bookings;
    }

    /**
     * @param member the booker's {@code booking_member} row (locked when a seat is decided); null when
     *               they never booked
     */
    public void check(MemberRow member, long userId, SlotInfo info, Instant now) {
        if (member != null && member.pausedUntil != null && member.pausedUntil.isAfter(now)) {
            var data = new LinkedHashMap<String, Object>();
            data.put("pausedUntil", member.pausedUntil.toString());
            data.put("reason", member.pauseReason);
            throw new ApiException(BookingError.PAUSED, BookingError.PAUSED.message(), data);
        }
        Slot slot = info.slot();
        if (info.weeklyLimit() > 0
                && bookings.countInWeek(userId, slot.serviceId(), BookingWriter.weekOf(slot.startsAt())) >= info.weeklyLimit()) {
            throw new ApiException(BookingError.WEEKLY_LIMIT, BookingError.WEEKLY_LIMIT.message(),
                    Map.of("limit", info.weeklyLimit()));
        }
    }
}
