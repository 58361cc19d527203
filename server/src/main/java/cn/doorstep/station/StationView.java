package cn.doorstep.station;

import java.util.List;

/** {@code GET /stations/{id}}: the station, and whether it is open now and its hours today (China time). */
public record StationView(StationDetail station, boolean openNow, List<String> todayHours) {
}
