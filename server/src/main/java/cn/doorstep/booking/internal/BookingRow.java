package cn.doorstep.booking.internal;

import java.time.Instant;
import java.time.LocalDate;

/** A row of {@code booking}. */
public class BookingRow {
    public Long id;
    public Long slotId;
    public Long userId;
    public Long stationId;
    public Long serviceId;
    public Long activityId;
    public String code;
    public String status;
    public Integer activeKey;
    public Instant startsAt;
    public Instant endsAt;
    public LocalDate weekStart;
    public Instant createdAt;
    public Instant cancelledAt;
    public Long cancelledBy;
    public Instant checkedInAt;
    public Long checkedInBy;
    public Instant remindedAt;
}
