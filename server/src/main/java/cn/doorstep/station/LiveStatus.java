package cn.doorstep.station;

/**
 * What the station's staff say right now. CLOSED_TODAY lasts until midnight (China time) of the day
 * it was set; BUSY and FULL are shown but do not close the station.
 */
public enum LiveStatus {
    OPEN,
    BUSY,
    FULL,
    CLOSED_TODAY
}
