package cn.doorstep.schedule.activity;

/**
 * An activity found near a point.
 *
 * @param stationName its station's name
 * @param distance    metres from the point to its station
 */
public record NearbyActivity(ActivityView activity, String stationName, long distance) {
}
