package cn.doorstep.schedule.activity;

import cn.doorstep.schedule.BookingAudience;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * An activity with its seats left; sign up with {@code POST /api/v1/bookings {"activityId": id}}.
 *
 * @param ruleId the repeating rule it is an occurrence of, or null for a one-off
 * @param status its slot's: OPEN, or CLOSED once cancelled
 */
public record ActivityView(long id, long stationId, String title, String place, String description, Instant startsAt,
                           Instant endsAt, int capacity, int seatsLeft, BookingAudience audience, int points,
                           long slotId, String status,
                           @Schema(description = "what it is; OTHER for activities published before kinds existed")
                           ActivityKind kind,
                           Long ruleId) {
}
