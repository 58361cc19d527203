package cn.doorstep.station;

import cn.doorstep.station.map.MapItem;
import cn.doorstep.station.map.NearbyQuery;
import cn.doorstep.station.map.StationQueryService;
import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.ClientAddress;
import cn.doorstep.common.RateLimitProperties;
import cn.doorstep.common.RateLimiter;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springdoc.core.annotations.ParameterObject;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.Duration;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
    private final RateLimiter rateLimiter;
    private final RateLimitProperties limits;

    StationController(StationQueryService stations, RateLimiter rateLimiter, RateLimitProperties limits) {
        this.stations = stations;
        this.rateLimiter = rateLimiter;
        this.limits = limits;
    }

    /**
     * Plain request parameters rather than a bound record: this is the hottest path of the API, and
     * record binding through the DataBinder cost more than the whole search (see bench/README.md).
     */
    @Operation(summary = "Stations near a point, nearest first (the map)")
    @SecurityRequirements
    @GetMapping("/nearby")
    ApiResponse<PageResult<MapItem>> nearby(
            @Parameter(description = "GCJ-02 latitude") @RequestParam @DecimalMin(StationRequest.MIN_LAT)
            @DecimalMax(StationRequest.MAX_LAT) double lat,
            @Parameter(description = "GCJ-02 longitude") @RequestParam @DecimalMin(StationRequest.MIN_LNG)
            @DecimalMax(StationRequest.MAX_LNG) double lng,
            @Parameter(description = "metres, default 3000, at most 20000") @RequestParam(required = false)
            @Min(1) @Max(20_000) Integer radius,
            @Parameter(description = "WARM or SERVICE; both when absent") @RequestParam(required = false) StationKind kind,
            @Parameter(description = "comma-separated; a station must have all of them", example = "WATER,CHARGING")
            @RequestParam(required = false) String amenities,
            @Parameter(description = "only stations open now (China time)") @RequestParam(required = false) Boolean openNow,
            @RequestParam(required = false) @Min(1) @Max(10_000) Integer page,
            @RequestParam(required = false) @Min(1) @Max(50) Integer size, HttpServletRequest http) {
        return ApiResponse.ok(stations.nearby(new NearbyQuery(lat, lng, radius, kind, amenities, openNow, page, size),
                ClientAddress.of(http)));
    }

    @Operation(summary = "Stations of a community whose name or address contains q")
    @SecurityRequirements
    @GetMapping("/search")
    ApiResponse<PageResult<MapItem>> search(@RequestParam @Positive long communityId,
                                               @RequestParam @NotBlank @Size(max = 32) String q,
                                               @RequestParam(required = false) StationKind kind,
                                               @Valid @ParameterObject PageQuery page, HttpServletRequest http) {
        limitSearches(http);
        return ApiResponse.ok(stations.search(communityId, q, kind, page));
    }

    /**
     * Public and cheap to ask: a scraper could walk the whole map, so each client address is limited
     * (the map search counts in its own Redis call, sharing the same limit).
     */
    private void limitSearches(HttpServletRequest http) {
        rateLimiter.hit("map", ClientAddress.of(http), limits.mapSearchesPerMinute(), Duration.ofMinutes(1));
    }

    @Operation(summary = "One station in full, with whether it is open now")
    @SecurityRequirements
    @GetMapping("/{id}")
    ApiResponse<StationView> station(@Parameter(description = "station id") @PathVariable long id) {
        return ApiResponse.ok(stations.view(id));
    }
}
