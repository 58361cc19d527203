package cn.doorstep.booking.staff;

import cn.doorstep.booking.BookingStatus;
import java.time.Instant;

/**
 * A booking as the station's staff see it: who (nickname), what, when and its state — not its code,
 * which only the resident shows.
 *
 * @param pointsAwarded points the check-in earned (activities), else 0
 */
public record StaffBookingView(long id, long stationId, long userId, String nickname, Long serviceId, Long activityId,
                               String title, Instant startsAt, Instant endsAt, BookingStatus status,
                               Instant checkedInAt, long pointsAwarded) {
}
