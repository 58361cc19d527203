package cn.doorstep.schedule.activity;

import cn.doorstep.schedule.BookingAudience;
import java.time.Instant;

/** An activity with its seats left; sign up with {@code POST /api/v1/bookings {"activityId": id}}. */
public record ActivityView(long id, long stationId, String title, String place, String description, Instant startsAt,
                           Instant endsAt, int capacity, int seatsLeft, BookingAudience audience, int points,
                           long slotId, String status) {
}
