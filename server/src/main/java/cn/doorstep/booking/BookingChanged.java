package cn.doorstep.booking;

import java.time.LocalDate;

/**
 * A booking was made, cancelled, checked in or marked a no-show: published in the transaction that did it, for
 * readers that keep daily figures (the cockpit's statistics), which ask {@link BookingStatistics} again.
 *
 * @param day the China-time day of the booked slot
 */
public record BookingChanged(long stationId, LocalDate day) {
}
