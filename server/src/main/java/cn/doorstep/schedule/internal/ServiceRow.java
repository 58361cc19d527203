package cn.doorstep.schedule.internal;

import java.time.Instant;

/** A row of {@code booking_service}. */
public class ServiceRow {
    public Long id;
    public Long stationId;
    public String name;
    public String kind;
    public String description;
    public Integer capacity;
    public Integer slotMinutes;
    public String weekly;
    public Integer horizonDays;
    public Integer minNoticeMinutes;
    public Integer cancelDeadlineMinutes;
    public Integer weeklyLimit;
    public String audience;
    public String status;
    public Instant createdAt;
    public Instant updatedAt;

    public static final String ACTIVE = "ACTIVE";
}
