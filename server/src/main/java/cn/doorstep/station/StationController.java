package cn.doorstep.station;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springdoc.core.annotations.ParameterObject;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Stations")
@RestController
@RequestMapping("/api/v1/stations")
@Validated
class StationController {

    private final StationQueryService stations;

    StationController(StationQueryService stations) {
        this.stations = stations;
    }

    @Operation(summary = "Stations near a point, nearest first (the map)")
    @SecurityRequirements
    @GetMapping("/nearby")
    ApiResponse<PageResult<NearbyItem>> nearby(@Valid @ParameterObject NearbyQuery query) {
        return ApiResponse.ok(stations.nearby(query));
    }

    @Operation(summary = "Stations of a community whose name or address contains q")
    @SecurityRequirements
    @GetMapping("/search")
    ApiResponse<PageResult<NearbyItem>> search(@RequestParam @Positive long communityId,
                                               @RequestParam @NotBlank @Size(max = 32) String q,
                                               @RequestParam(required = false) StationKind kind,
                                               @Valid @ParameterObject PageQuery page) {
        return ApiResponse.ok(stations.search(communityId, q, kind, page));
    }

    @Operation(summary = "One station in full, with whether it is open now")
    @SecurityRequirements
    @GetMapping("/{id}")
    ApiResponse<StationView> station(@Parameter(description = "station id") @PathVariable long id) {
        return ApiResponse.ok(stations.view(id));
    }
}
