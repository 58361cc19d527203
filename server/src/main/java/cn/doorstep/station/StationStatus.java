package cn.doorstep.station;

/** A station's life: ACTIVE on the map, CLOSED for good (still findable by id), DELETED (gone). */
public enum StationStatus {
    ACTIVE,
    CLOSED,
    DELETED
}
