package cn.doorstep.schedule;

import java.time.Instant;

/**
 * A slot was closed by its station's staff or community's admin (an activity is cancelled this way):
 * its bookings are to be cancelled, their holders told, and its waitlist closed. Published in the
 * transaction that closed it, through the event publication registry.
 *
 * @param title    the service's name or the activity's title
 * @param closedBy who closed it
 */
public record SlotClosed(long slotId, long stationId, String title, Instant startsAt, long closedBy) {
}
