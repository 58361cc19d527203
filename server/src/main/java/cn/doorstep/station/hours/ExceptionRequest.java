package cn.doorstep.station.hours;

import cn.doorstep.common.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** One date's hours instead of the weekly ones (admin): closed, or open {@code opens}–{@code closes}. */
public record ExceptionRequest(
        @NotNull Boolean closed,
        @Pattern(regexp = TimeOfDay.PATTERN, message = "must be HH:mm") String opens,
        @Pattern(regexp = TimeOfDay.PATTERN_24, message = "must be HH:mm (24:00 allowed)") String closes,
        @Size(max = 64) @PlainText String note) {
}
