package cn.doorstep.station;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Replace a station's photos (admin), first one shown on the map. */
public record PhotosRequest(
        @NotNull @Size(max = 9) List<@NotNull @Pattern(regexp = "https://\\S+", message = "must be an https URL") @Size(max = 512) String> urls) {
}
