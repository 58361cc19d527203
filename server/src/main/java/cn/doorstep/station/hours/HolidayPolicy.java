package cn.doorstep.station.hours;

/**
 * How the public-holiday calendar bends a station's weekly hours. FOLLOW_CALENDAR: a public holiday
 * keeps Sunday's hours and a make-up working day (调休) keeps Monday's; IGNORE_CALENDAR: the weekly
 * hours hold every day (most warm stations).
 */
public enum HolidayPolicy {
    FOLLOW_CALENDAR,
    IGNORE_CALENDAR
}
