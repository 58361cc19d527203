package cn.doorstep.schedule.service;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * One window of a service's week, in the station's local time, cut into slots. {@code closes} before
 * {@code opens} runs past midnight; 24:00 is the end of the day.
 */
public record WeeklyWindow(
        @NotNull @Min(1) @Max(7) @Schema(description = "1 = Monday … 7 = Sunday") Integer day,
        @NotNull @Pattern(regexp = WeeklyWindow.TIME, message = "must be HH:mm") String opens,
        @NotNull @Pattern(regexp = WeeklyWindow.TIME_24, message = "must be HH:mm (24:00 allowed)") String closes) {

    public static final String TIME = "([01]\\d|2[0-3]):[0-5]\\d";
    public static final String TIME_24 = "(([01]\\d|2[0-3]):[0-5]\\d|24:00)";
    static final int END_OF_DAY = 24 * 60;

    static int minutes(String hhmm) {
        return Integer.parseInt(hhmm.substring(0, 2)) * 60 + Integer.parseInt(hhmm.substring(3, 5));
    }
}
