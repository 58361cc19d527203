package cn.doorstep.station;

import cn.doorstep.station.StationOfferings.OfferedService;
import cn.doorstep.station.StationOfferings.UpcomingActivity;
import java.util.List;

/**
 * {@code GET /stations/{id}}: the station, whether it is open now and its hours today (China time), and
 * what it offers: its bookable services and its next activities (empty while it is not ACTIVE).
 */
public record StationView(StationDetail station, boolean openNow, List<String> todayHours,
                          List<OfferedService> services, List<UpcomingActivity> activities) {
}
