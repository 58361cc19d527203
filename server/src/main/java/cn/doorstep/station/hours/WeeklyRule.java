package cn.doorstep.station.hours;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * One opening window in a week, in the station's local time. {@code closes} before {@code opens}
 * runs past midnight (20:00–02:00 is open until 2 am the next day); 00:00–24:00 is all day.
 */
public record WeeklyRule(
        @NotNull @Min(1) @Max(7) @Schema(description = "1 = Monday … 7 = Sunday") Integer day,
        @NotNull @Pattern(regexp = TimeOfDay.PATTERN, message = "must be HH:mm") String opens,
        @NotNull @Pattern(regexp = TimeOfDay.PATTERN_24, message = "must be HH:mm (24:00 allowed)") String closes) {
}
