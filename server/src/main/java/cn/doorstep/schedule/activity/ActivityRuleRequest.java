package cn.doorstep.schedule.activity;

import cn.doorstep.schedule.BookingAudience;
import cn.doorstep.schedule.service.WeeklyWindow;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A repeating activity (the monthly 义剪 on the 2nd Saturday 09:00–11:00, a weekly class): each
 * occurrence is an activity like a one-off one. Times of day and dates are the station's local (China) ones.
 */
public record ActivityRuleRequest(
        @NotBlank @Size(max = 40) String title,
        @Schema(description = "default OTHER") ActivityKind kind,
        @NotBlank @Size(max = 64) String place,
        @Size(max = 500) String description,
        @NotNull RuleFrequency frequency,
        @NotNull @Min(1) @Max(7) @Schema(description = "1 = Monday … 7 = Sunday") Integer dayOfWeek,
        @Min(-1) @Max(5) @Schema(description = "MONTHLY only: which such day of the month, 1-5, or -1 for the last")
        Integer weekOfMonth,
        @NotNull @Pattern(regexp = WeeklyWindow.TIME, message = "must be HH:mm") @Schema(example = "09:00")
        String startsAt,
        @NotNull @Pattern(regexp = WeeklyWindow.TIME_24, message = "must be HH:mm (24:00 allowed)")
        @Schema(example = "11:00", description = "before startsAt: runs past midnight") String endsAt,
        @Schema(description = "the first date occurrences may fall on; default today") LocalDate firstDate,
        @Schema(description = "the last date occurrences may fall on; none when absent") LocalDate lastDate,
        @Min(1) @Max(90) @Schema(description = "occurrences are made this many days ahead; default 35")
        Integer horizonDays,
        @NotNull @Min(1) @Max(2000) Integer capacity,
        @Schema(description = "default ALL") BookingAudience audience,
        @Schema(description = "points a checked-in attendance earns; default 0") @Min(0) @Max(1000) Integer points) {
}
