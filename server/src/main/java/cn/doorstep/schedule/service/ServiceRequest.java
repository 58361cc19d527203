package cn.doorstep.schedule.service;

import cn.doorstep.schedule.BookingAudience;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A bookable service of a station. The weekly schedule is in the station's local time and follows the
 * station's holiday policy (a public holiday takes Sunday's windows, a 调休 working day Monday's);
 * each window is cut into slots of {@code slotMinutes}.
 */
public record ServiceRequest(
        @NotBlank @Size(max = 40) String name,
        @NotNull ServiceKind kind,
        @Size(max = 500) String description,
        @NotNull @Min(1) @Max(500) Integer capacity,
        @NotNull @Min(5) @Max(720) Integer slotMinutes,
        @NotNull @Size(max = 28) List<@Valid WeeklyWindow> weeklySchedule,
        @Size(max = 60) List<@Valid ScheduleException> exceptions,
        @Schema(description = "days ahead slots are generated and bookable (default 7)") @Min(1) @Max(60) Integer horizonDays,
        @Schema(description = "minutes before the start a booking must be made (default 0)") @Min(0) @Max(10080) Integer minNoticeMinutes,
        @Schema(description = "minutes before the start a booking can still be cancelled (default 60)") @Min(0) @Max(10080) Integer cancelDeadlineMinutes,
        @Schema(description = "active bookings one user may hold per week (default 2)") @Min(1) @Max(50) Integer weeklyLimit,
        @Schema(description = "default RESIDENTS") BookingAudience audience) {
}
