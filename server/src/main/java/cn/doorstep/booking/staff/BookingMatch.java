package cn.doorstep.booking.staff;

import java.time.Instant;

/**
 * A booking found by looking its holder up (no code at hand): enough for staff to ask "王阿姨, 尾号1234?"
 * before checking them in. The phone is masked (138****1234).
 */
public record BookingMatch(long bookingId, long userId, String nickname, String phone, String title, Instant startsAt,
                           Instant endsAt) {
}
