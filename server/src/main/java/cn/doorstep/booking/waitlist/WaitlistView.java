package cn.doorstep.booking.waitlist;

import java.time.Instant;

/**
 * A user's place in a waitlist.
 *
 * @param position       how many are ahead while WAITING (0: next), else null
 * @param offerExpiresAt while OFFERED: accept before this, or the seat passes to the next in line
 * @param bookingId      once ACCEPTED: the booking it became
 */
public record WaitlistView(long id, long slotId, Long activityId, Long serviceId, String title, Instant startsAt,
                           WaitlistStatus status, Integer position, Instant offerExpiresAt, Long bookingId,
                           Instant createdAt) {
}
