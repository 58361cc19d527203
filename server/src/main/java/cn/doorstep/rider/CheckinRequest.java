package cn.doorstep.rider;

import cn.doorstep.station.StationRequest;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A scan at a warm station: the code its staff show, and, if the rider allows it, where they are
 * (GCJ-02). The location is compared with the station's and forgotten: never stored, never logged.
 */
public record CheckinRequest(
        @NotBlank @Size(max = 64) String code,
        @Schema(description = "optional, with lng: the rider's GCJ-02 latitude") @DecimalMin(StationRequest.MIN_LAT)
        @DecimalMax(StationRequest.MAX_LAT) Double lat,
        @Schema(description = "optional, with lat") @DecimalMin(StationRequest.MIN_LNG)
        @DecimalMax(StationRequest.MAX_LNG) Double lng) {

    boolean hasLocation() {
        return lat != null && lng != null;
    }

    @Schema(hidden = true)
    @AssertTrue(message = "send lat and lng together, or neither")
    boolean isLocationWhole() {
        return (lat == null) == (lng == null);
    }

    /** Redacted: the rider's location must not reach a log through toString(). */
    @Override
    public String toString() {
        return "CheckinRequest[code=<hidden>, location=" + (hasLocation() ? "<given>" : "none") + "]";
    }
}
