package cn.doorstep.booking.waitlist;

import java.time.Instant;

/** A row of {@code booking_waitlist}. */
public class WaitlistRow {
    public Long id;
    public Long slotId;
    public Long userId;
    public String status;
    public Integer activeKey;
    public Instant offeredAt;
    public Instant offerExpiresAt;
    public Long bookingId;
    public Instant createdAt;
}
