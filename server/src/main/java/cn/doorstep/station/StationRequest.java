package cn.doorstep.station;

import cn.doorstep.common.PlainText;
import cn.doorstep.station.hours.HolidayPolicy;
import cn.doorstep.station.hours.WeeklyRule;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * Create or replace a station (admin). Coordinates are GCJ-02 and must lie within China's extent;
 * hours and photos may be left out (none).
 */
public record StationRequest(
        @NotBlank @Size(max = 64) @PlainText String name,
        @NotEmpty Set<@NotNull StationKind> kinds,
        @Schema(description = "required when kinds contains SERVICE") ServiceLevel serviceLevel,
        @NotNull @Positive Long communityId,
        @NotBlank @Size(max = 255) @PlainText String address,
        @NotNull @DecimalMin(MIN_LAT) @DecimalMax(MAX_LAT) BigDecimal lat,
        @NotNull @DecimalMin(MIN_LNG) @DecimalMax(MAX_LNG) BigDecimal lng,
        @Pattern(regexp = "[0-9+\\-() ]{5,20}", message = "must be a phone number") String phone,
        @Size(max = 1000) @PlainText(multiline = true) String intro,
        Set<@NotNull Amenity> amenities,
        @Schema(description = "default PUBLIC") Audience audience,
        @Valid @Size(max = 50) List<@NotNull WeeklyRule> weeklyHours,
        @Schema(description = "default FOLLOW_CALENDAR") HolidayPolicy holidayPolicy,
        @Size(max = 9) List<@NotNull @Pattern(regexp = "https://\\S+", message = "must be an https URL") @Size(max = 512) String> photos) {

    /** China's extent (the bounds within which GCJ-02 is defined). */
    public static final String MIN_LAT = "3.86";
    public static final String MAX_LAT = "53.56";
    public static final String MIN_LNG = "73.66";
    public static final String MAX_LNG = "135.06";
}
