package cn.doorstep.schedule.internal;

import java.time.Instant;

/** A row of {@code booking_slot}: a service's slot or an activity's one slot. */
public class SlotRow {
    public Long id;
    public Long stationId;
    public Long serviceId;
    public Long activityId;
    public Instant startsAt;
    public Instant endsAt;
    public Integer capacity;
    public Integer booked;
    public Integer held;
    public String status;
    public Boolean manual;
    public Long version;
    public Instant createdAt;

    public static final String OPEN = "OPEN";
    public static final String CLOSED = "CLOSED";

    public int seatsLeft() {
        return OPEN.equals(status) ? Math.max(0, capacity - booked - held) : 0;
    }
}
