package cn.doorstep.station;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * {@code GET /stations/nearby}'s query. Coordinates are GCJ-02; they are used for this query and
 * neither stored nor logged.
 */
public record NearbyQuery(
        @NotNull @DecimalMin(StationRequest.MIN_LAT) @DecimalMax(StationRequest.MAX_LAT) @Schema(description = "GCJ-02 latitude") Double lat,
        @NotNull @DecimalMin(StationRequest.MIN_LNG) @DecimalMax(StationRequest.MAX_LNG) @Schema(description = "GCJ-02 longitude") Double lng,
        @Min(1) @Max(20_000) @Schema(description = "metres, default 3000, at most 20000") Integer radius,
        @Schema(description = "WARM or SERVICE; both when absent") StationKind kind,
        @Schema(description = "comma-separated; a station must have all of them", example = "WATER,CHARGING") String amenities,
        @Schema(description = "only stations open now (China time)") Boolean openNow,
        @Min(1) @Max(10_000) Integer page,
        @Min(1) @Max(50) Integer size) {

    public static final int DEFAULT_RADIUS = 3000;

    public NearbyQuery {
        radius = radius == null ? DEFAULT_RADIUS : radius;
        openNow = openNow != null && openNow;
        page = page == null ? 1 : page;
        size = size == null ? 20 : size;
    }

    /** Redacted: a query's coordinates must not reach a log through toString(). */
    @Override
    public String toString() {
        return "NearbyQuery[radius=" + radius + ", kind=" + kind + ", amenities=" + amenities + ", openNow=" + openNow
                + ", page=" + page + ", size=" + size + "]";
    }
}
