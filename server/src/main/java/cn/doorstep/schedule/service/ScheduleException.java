package cn.doorstep.schedule.service;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;

/** A dated change of a service's schedule: closed that day, or open {@code opens}–{@code closes} instead. */
public record ScheduleException(@NotNull LocalDate date, boolean closed,
                                @Pattern(regexp = WeeklyWindow.TIME, message = "must be HH:mm") String opens,
                                @Pattern(regexp = WeeklyWindow.TIME_24, message = "must be HH:mm (24:00 allowed)") String closes) {
}
