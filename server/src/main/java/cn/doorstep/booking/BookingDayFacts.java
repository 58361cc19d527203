package cn.doorstep.booking;

import java.time.LocalDate;
import java.util.List;

/**
 * One community's bookings of slots on one China-time day, by station, what was booked and current status
 * ({@link BookingStatistics}).
 */
public record BookingDayFacts(long communityId, LocalDate day, List<Count> counts) {

    public BookingDayFacts {
        counts = List.copyOf(counts);
    }

    /**
     * @param serviceId  the bookable service, or null for an activity
     * @param activityId the activity, or null for a service
     */
    public record Count(long stationId, Long serviceId, Long activityId, BookingStatus status, long count) {
    }
}
