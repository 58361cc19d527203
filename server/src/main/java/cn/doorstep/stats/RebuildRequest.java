package cn.doorstep.stats;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** The days to rebuild, both included (China time). */
public record RebuildRequest(@Schema(example = "2026-12-01") @NotNull LocalDate from,
                             @Schema(example = "2026-12-07") @NotNull LocalDate to) {
}
