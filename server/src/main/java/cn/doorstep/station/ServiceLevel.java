package cn.doorstep.station;

/** The level of a service station in the organisation chain. */
public enum ServiceLevel {
    DISTRICT,
    STREET,
    COMMUNITY,
    GRID
}
