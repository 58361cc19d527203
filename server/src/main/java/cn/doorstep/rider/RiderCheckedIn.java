package cn.doorstep.rider;

import java.time.LocalDate;

/** A rider's check-in that counts (the first at this station this day): points will reward it. */
public record RiderCheckedIn(long checkinId, long userId, long stationId, LocalDate date) {
}
