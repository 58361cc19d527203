package cn.doorstep.station.hours;

/** A date's entry in the public-holiday calendar. */
public enum DayKind {
    /** A day off by the State Council's notice. */
    HOLIDAY,
    /** A weekend day worked instead (调休). */
    WORKDAY
}
