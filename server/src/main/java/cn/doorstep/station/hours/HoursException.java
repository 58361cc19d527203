package cn.doorstep.station.hours;

import java.time.LocalDate;

/** A dated change to the weekly hours: closed all day, or open {@code opens}–{@code closes} instead. */
public record HoursException(LocalDate date, boolean closed, String opens, String closes, String note) {
}
