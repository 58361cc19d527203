package cn.doorstep.station;

/** Published whenever a station's row changed; the index and cache follow after commit. */
public record StationChanged(long stationId) {
}
