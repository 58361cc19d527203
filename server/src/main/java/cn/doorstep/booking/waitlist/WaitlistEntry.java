package cn.doorstep.booking.waitlist;

import java.time.Instant;

/**
 * One person in a slot's waitlist as the station's staff see it: their place (1: next), who (nickname,
 * phone masked), and whether a freed seat is held for them until {@code offerExpiresAt}.
 */
public record WaitlistEntry(long id, int place, long userId, String nickname, String phone, WaitlistStatus status,
                            Instant offerExpiresAt, Instant createdAt) {
}
