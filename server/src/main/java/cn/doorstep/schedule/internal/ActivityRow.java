package cn.doorstep.schedule.internal;

import java.time.Instant;

/** A row of {@code booking_activity}. */
public class ActivityRow {
    public Long id;
    public Long stationId;
    public String title;
    public String place;
    public String description;
    public Instant startsAt;
    public Instant endsAt;
    public String audience;
    public Integer points;
    public Long createdBy;
    public Instant createdAt;
}
