package cn.doorstep.schedule.activity;

import cn.doorstep.schedule.BookingAudience;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;

/** A one-off event at a station (暖新大集, a free clinic, parent-child crafts); times are local (China). */
public record ActivityRequest(
        @NotBlank @Size(max = 40) String title,
        @Schema(description = "default OTHER") ActivityKind kind,
        @NotBlank @Size(max = 64) String place,
        @Size(max = 500) String description,
        @NotNull @Schema(example = "2026-12-06T09:00:00") LocalDateTime startsAt,
        @NotNull @Schema(example = "2026-12-06T11:00:00") LocalDateTime endsAt,
        @NotNull @Min(1) @Max(2000) Integer capacity,
        @Schema(description = "default ALL") BookingAudience audience,
        @Schema(description = "points a checked-in attendance earns (within the community's caps); default 0")
        @Min(0) @Max(1000) Integer points) {
}
