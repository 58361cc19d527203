package cn.doorstep.station;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * What is offered at a station, shown on its page ({@code GET /stations/{id}}): its bookable services
 * and its next activities. Implemented by {@code schedule}, which depends on {@code station} (for the
 * station's holiday policy and managers); station asks through this interface and so never depends on
 * schedule back.
 */
public interface StationOfferings {

    /** At most {@code limit} of the station's active services, oldest first. */
    List<OfferedService> services(long stationId, int limit);

    /** At most {@code limit} of the station's activities that have not ended and are not cancelled, soonest first. */
    List<UpcomingActivity> activities(long stationId, int limit);

    /** A bookable room or service; its slots are at {@code GET /services/{id}/slots}. */
    record OfferedService(long id, String name, @Schema(description = "ROOM or SERVICE") String kind,
                          String description, int capacity, int slotMinutes) {
    }

    /** A coming activity; sign up with {@code POST /bookings {activityId}}. Times are instants (UTC). */
    record UpcomingActivity(long id, String title, @Schema(description = "MARKET, HAIRCUT, CLINIC, LECTURE, CULTURE, "
            + "SERVICE or OTHER") String kind, String place, Instant startsAt, Instant endsAt, int seatsLeft, int points) {
    }
}
