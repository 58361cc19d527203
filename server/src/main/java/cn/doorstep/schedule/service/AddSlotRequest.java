package cn.doorstep.schedule.service;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDateTime;

/** One extra slot of the service's length, starting at a local (China) time. */
public record AddSlotRequest(@NotNull @Schema(example = "2026-12-05T14:00:00") LocalDateTime startsAt) {
}
