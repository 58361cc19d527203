package cn.doorstep.station;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.ClientAddress;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.common.RateLimitProperties;
import cn.doorstep.common.RateLimiter;
import cn.doorstep.station.internal.StationKeys;
import cn.doorstep.station.map.MapItem;
import cn.doorstep.station.map.NearbyQuery;
import cn.doorstep.station.map.StationQueryService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Stations",
        description = "The public station map: warm stations (暖新驿站) and service stations (党群服务站) near a point, "
                + "search, a station's page. See map.md.")
@RestController
@RequestMapping("/api/v1/stations")
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
     * The query string is read by hand ({@link NearbyQuery#parse}): this is the hottest path of the
     * API, and Spring's argument conversion and validation cost more than the search (see
     * bench/README.md). The parameters are declared here for the OpenAPI description only.
     */
    @Operation(summary = "Stations near a point, nearest first (the map)",
            description = "Public. Searches warm and service stations within radius of a GCJ-02 point, filtered by "
                    + "kind, amenities (all of them) and open now (China time, with holidays and staff's "
                    + "closed-today), with the distance in metres. Refused: 400 10000 a missing or out-of-China "
                    + "point or a bad filter, 20005 an unknown amenity; 429 over 600 searches a minute from one "
                    + "address.",
            parameters = {
            @Parameter(name = "lat", in = ParameterIn.QUERY, required = true, description = "GCJ-02 latitude",
                    schema = @Schema(type = "number", format = "double", minimum = StationRequest.MIN_LAT,
                            maximum = StationRequest.MAX_LAT)),
            @Parameter(name = "lng", in = ParameterIn.QUERY, required = true, description = "GCJ-02 longitude",
                    schema = @Schema(type = "number", format = "double", minimum = StationRequest.MIN_LNG,
                            maximum = StationRequest.MAX_LNG)),
            @Parameter(name = "radius", in = ParameterIn.QUERY, description = "metres, default 3000, at most 20000",
                    schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "20000")),
            @Parameter(name = "kind", in = ParameterIn.QUERY, description = "WARM or SERVICE; both when absent",
                    schema = @Schema(type = "string", allowableValues = {"SERVICE", "WARM"})),
            @Parameter(name = "amenities", in = ParameterIn.QUERY, example = "WATER,CHARGING",
                    description = "comma-separated; a station must have all of them", schema = @Schema(type = "string")),
            @Parameter(name = "openNow", in = ParameterIn.QUERY, description = "only stations open now (China time)",
                    schema = @Schema(type = "boolean")),
            @Parameter(name = "page", in = ParameterIn.QUERY,
                    schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "10000")),
            @Parameter(name = "size", in = ParameterIn.QUERY,
                    schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "50"))})
    @SecurityRequirements
    @GetMapping("/nearby")
    ApiResponse<PageResult<MapItem>> nearby(@Parameter(hidden = true) HttpServletRequest http) {
        return ApiResponse.ok(stations.nearby(NearbyQuery.parse(http::getParameter), ClientAddress.of(http)));
    }

    @Operation(summary = "Stations of a community whose name or address contains q",
            description = "Public. Finds a community's stations by a piece (1-32 characters) of their name or "
                    + "address; items have the map's shape with distance -1. Refused: 400 10000 communityId or q "
                    + "missing; 429 shares the map's per-address limit.")
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
        // the map search's counter (one per client for both searches), in the map's Redis Cluster slot
        rateLimiter.hit(new RateLimiter.Rule(StationKeys.mapRate(ClientAddress.of(http)), Duration.ofMinutes(1),
                limits.mapSearchesPerMinute()));
    }

    @Operation(summary = "One station in full, with whether it is open now",
            description = "Public. The station's page: photos, phone, intro, weekly hours, coming exceptions, live "
                    + "status, whether it is open now and today's windows, its bookable services (up to 20) and its "
                    + "next activities (up to 5; both empty unless ACTIVE); a station closed for good answers with "
                    + "status CLOSED. Refused: 404 20001 no such station, or deleted.")
    @SecurityRequirements
    @GetMapping("/{id}")
    ApiResponse<StationView> station(@Parameter(description = "station id") @PathVariable long id) {
        return ApiResponse.ok(stations.view(id));
    }
}
