package cn.doorstep.rider;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One check-in. {@code counted} is false for a repeat at the same station on the same day: the
 * rider is welcome, but only the first one counts for points.
 */
public record CheckinView(long id, long stationId, String stationName, LocalDate date, Instant at, boolean counted) {
}
