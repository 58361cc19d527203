package cn.doorstep.schedule;

import java.time.Instant;

/**
 * A slot as MySQL holds it now: a service's slot or an activity's one slot, with its seats. A seat is
 * {@code booked}, {@code held} for someone offered it from a waitlist, or free; only {@link SlotSeats}
 * moves them.
 *
 * @param serviceId  null for an activity's slot
 * @param activityId null for a service's slot
 * @param status     OPEN or CLOSED
 * @param version    bumped by every change of seats, capacity or status
 */
public record Slot(long id, long stationId, Long serviceId, Long activityId, Instant startsAt, Instant endsAt,
                   int capacity, int booked, int held, String status, long version) {

    public static final String OPEN = "OPEN";
    public static final String CLOSED = "CLOSED";

    public boolean isOpen() {
        return OPEN.equals(status);
    }

    public int seatsLeft() {
        return isOpen() ? Math.max(0, capacity - booked - held) : 0;
    }
}
