package cn.doorstep.community;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;

/**
 * Where a grid or community lies: its centroid in GCJ-02 (what the mini-program's map uses), inside China's
 * extent, rounded to 7 decimals (about 1 cm), and how many households live there (null: not known). A PUT
 * replaces all three.
 */
public record LocationRequest(
        @Schema(example = "43.8436000", minimum = "3.8", maximum = "53.6")
        @NotNull @DecimalMin("3.8") @DecimalMax("53.6") BigDecimal lat,
        @Schema(example = "126.5496000", minimum = "73.4", maximum = "135.1")
        @NotNull @DecimalMin("73.4") @DecimalMax("135.1") BigDecimal lng,
        @Schema(example = "420", nullable = true, minimum = "0", maximum = "100000",
                description = "Households living there; null when not known (never read as 0)")
        @PositiveOrZero @Max(100_000) Integer households) {
}
