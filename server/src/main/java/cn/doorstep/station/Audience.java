package cn.doorstep.station;

/** Who may use a station. */
public enum Audience {
    PUBLIC,
    RIDERS_ONLY
}
