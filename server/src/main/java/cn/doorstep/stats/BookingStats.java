package cn.doorstep.stats;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A scope's bookings of the slots of a period (by the slot's day, whenever booked), as they stand now
 * (statistics.md defines every figure).
 */
public record BookingStats(StatsScope scope, LocalDate from, LocalDate to, BookingFigures total, List<StationBookings> byStation,
                           List<ServiceBookings> byService, List<ActivityBookings> activities, List<BookingDay> daily) {

    /**
     * @param booked         bookings made for the period's slots (cancelled ones included)
     * @param pending        still BOOKED (the slot not over, or its no-show not marked yet)
     * @param attendanceRate attended / (attended + noShows), 4 places; null when neither
     * @param noShowRate     noShows / (attended + noShows), 4 places; null when neither
     */
    public record BookingFigures(long booked, long cancelled, long attended, long noShows, long pending,
                          BigDecimal attendanceRate, BigDecimal noShowRate) {
    }

    public record StationBookings(long stationId, String stationName, BookingFigures figures) {
    }

    public record ServiceBookings(long stationId, long serviceId, BookingFigures figures) {
    }

    /** @param turnout attended / (booked − cancelled), 4 places; null when nobody held a place */
    public record ActivityBookings(long stationId, long activityId, BookingFigures figures, BigDecimal turnout) {
    }

    public record BookingDay(LocalDate date, long booked, long attended, long noShows) {
    }
}
