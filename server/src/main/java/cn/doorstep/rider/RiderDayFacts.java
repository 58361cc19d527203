package cn.doorstep.rider;

import java.time.LocalDate;
import java.util.Map;

/**
 * One community's rider figures for one China-time day ({@link RiderStatistics}).
 *
 * @param checkinsByStation counted check-ins at the community's stations, by station (absent: none)
 * @param registered        registrations homed in the community first made that day
 * @param verified          registrations homed in the community verified that day and verified still
 */
public record RiderDayFacts(long communityId, LocalDate day, Map<Long, Long> checkinsByStation, long registered,
                            long verified) {

    public RiderDayFacts {
        checkinsByStation = Map.copyOf(checkinsByStation);
    }
}
