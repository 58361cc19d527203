package cn.doorstep.booking.internal;

import java.time.Instant;

/** A row of {@code booking_member}. */
public class MemberRow {
    public Long userId;
    public Instant pausedFrom;
    public Instant pausedUntil;
    public String pauseReason;
    public Instant updatedAt;
}
