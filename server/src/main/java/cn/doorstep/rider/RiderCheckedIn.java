package cn.doorstep.rider;

import java.time.LocalDate;

/**
 * A rider's check-in that counts (the first at this station this China-time day): points reward it.
 * Published in the transaction that stored it, through the event publication registry.
 *
 * @param communityId the station's community (whose points rules apply)
 */
public record RiderCheckedIn(long checkinId, long userId, long stationId, long communityId, LocalDate date) {
}
