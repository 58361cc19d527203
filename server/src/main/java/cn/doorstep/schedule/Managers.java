package cn.doorstep.schedule;

import cn.doorstep.common.ApiException;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.station.StationDirectory.StationRef;
import cn.doorstep.station.StationDirectory;
import cn.doorstep.station.StationError;
import cn.doorstep.station.StationStatus;
import org.springframework.stereotype.Component;

/**
 * Who manages a station's services, slots and activities: its staff (as {@code StationStaffService}
 * checks them) and the admins of its community (as {@code StationAdminService} does).
 */
@Component
public class Managers {

    private final StationDirectory stations;

    Managers(StationDirectory stations) {
        this.stations = stations;
    }

    /** The station, if {@code me} manages it; 404 for no such station, 403 for someone else's. */
    public StationRef require(CurrentUser me, long stationId) {
        StationRef station = stations.find(stationId).orElseThrow(() -> new ApiException(StationError.STATION_NOT_FOUND));
        if (!me.isStaffOf(stationId) && !me.isAdminOf(station.communityId())) {
            throw new ApiException(ScheduleError.NOT_MANAGER);
        }
        return station;
    }

    /** Whether the station exists and is running (what residents may see of it). */
    public boolean isActive(long stationId) {
        return stations.find(stationId).filter(s -> s.status() == StationStatus.ACTIVE).isPresent();
    }

    /** A station residents can book at (exists and is running). */
    public StationRef active(long stationId) {
        return stations.find(stationId).filter(s -> s.status() == StationStatus.ACTIVE)
                .orElseThrow(() -> new ApiException(StationError.STATION_NOT_FOUND));
    }
}
