package cn.doorstep.report.open311;

import cn.doorstep.common.ClientAddress;
import cn.doorstep.common.RateLimiter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Open311 GeoReport v2, read-only: outside /api/v1 and its envelope, answering the standard's own JSON (errors
 * as its {@code [{code, description}]} array, see {@link Open311Errors}). Public, each client address limited.
 */
@Tag(name = "Open311", description = "The reports as Open311 GeoReport v2 service requests for civic tools "
        + "(FixMyStreet, SeeClickFix): public, read-only, without personal data, in the standard's own JSON rather "
        + "than {code, message, data}; errors are [{code, description}] with code the HTTP status. See open311.md.")
@RestController
@RequestMapping("/open311/v2")
class Open311Controller {

    /** When this endpoint's shape last changed, as discovery.json tells clients. */
    static final Instant CHANGESET = Instant.parse("2026-12-07T00:00:00Z");
    private static final String SPEC = "http://wiki.open311.org/GeoReport_v2";

    private final Open311Requests requests;
    private final RateLimiter rateLimiter;
    private final Open311Properties properties;

    Open311Controller(Open311Requests requests, RateLimiter rateLimiter, Open311Properties properties) {
        this.requests = requests;
        this.rateLimiter = rateLimiter;
        this.properties = properties;
    }

    @Operation(summary = "Open311 service discovery",
            description = "Public. Where the GeoReport v2 endpoint is and who to contact. Refused: 429 over the per-address "
                    + "limit (Open311 error array).")
    @SecurityRequirements
    @ApiResponses({@ApiResponse(responseCode = "200", description = "Where the endpoint is",
            content = @Content(schema = @Schema(implementation = Open311.Discovery.class))),
            @ApiResponse(responseCode = "429", description = "Too many requests from this address",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = Open311.Error.class))))})
    @GetMapping("/discovery.json")
    Open311.Discovery open311Discovery(@Parameter(hidden = true) HttpServletRequest http) {
        limit(http);
        String url = ServletUriComponentsBuilder.fromContextPath(http).path("/open311/v2").toUriString();
        return new Open311.Discovery(CHANGESET, properties.contact(), "none: no key is needed to read",
                List.of(new Open311.Endpoint(SPEC, url, CHANGESET, "production", List.of("application/json"))));
    }

    @Operation(summary = "Open311 services: one per report category",
            description = "Public. service_code is the category's name (LIGHTING, ROADS ...), service_name its Chinese "
                    + "label; every service is realtime without metadata. Refused: 429 over the per-address limit.")
    @SecurityRequirements
    @ApiResponses({@ApiResponse(responseCode = "200", description = "The services",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = Open311.Service.class)))),
            @ApiResponse(responseCode = "429", description = "Too many requests from this address",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = Open311.Error.class))))})
    @GetMapping("/services.json")
    List<Open311.Service> open311Services(@Parameter(hidden = true) HttpServletRequest http) {
        limit(http);
        return Open311Services.ALL;
    }

    @Operation(summary = "Open311 service requests: the reports, newest first, without personal data",
            description = "Public. service_request_id (comma-separated) overrides the other filters; otherwise the "
                    + "requests filed between start_date and end_date (ISO 8601 with an offset, at most 90 days apart; "
                    + "the last 90 days by default), of service_code (comma-separated) and status (open, closed); at "
                    + "most 1000. Merged duplicates are left out; no reporter, caller, phone, address or photo; the "
                    + "text only when WeChat's check passed it (long digit runs masked); lat/long to 3 places. Refused: "
                    + "400 a malformed filter or a span over 90 days; 429 over the per-address limit (Open311 error array).")
    @SecurityRequirements
    @ApiResponses({@ApiResponse(responseCode = "200", description = "The service requests, newest first",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = Open311.Request.class)))),
            @ApiResponse(responseCode = "400", description = "A malformed filter",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = Open311.Error.class)))),
            @ApiResponse(responseCode = "429", description = "Too many requests from this address",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = Open311.Error.class))))})
    @GetMapping("/requests.json")
    List<Open311.Request> open311Requests(
            @Parameter(description = "comma-separated ids; overrides the other filters")
            @RequestParam(name = "service_request_id", required = false) String serviceRequestIds,
            @Parameter(description = "comma-separated service codes")
            @RequestParam(name = "service_code", required = false) String serviceCodes,
            @Parameter(example = "2026-11-30T00:00:00+08:00") @RequestParam(name = "start_date", required = false) String startDate,
            @Parameter(example = "2026-12-07T00:00:00+08:00") @RequestParam(name = "end_date", required = false) String endDate,
            @Parameter(description = "open or closed (comma-separated)") @RequestParam(required = false) String status,
            @Parameter(description = "accepted and ignored: this server has one jurisdiction")
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId,
            @Parameter(hidden = true) HttpServletRequest http) {
        limit(http);
        return requests.search(new Open311Requests.Filter(serviceRequestIds, serviceCodes, startDate, endDate, status));
    }

    @Operation(summary = "One Open311 service request",
            description = "Public. An array with the one request, as in requests.json. Refused: 404 an unknown or merged "
                    + "report; 400 an id that is not a number; 429 over the per-address limit (Open311 error array).")
    @SecurityRequirements
    @ApiResponses({@ApiResponse(responseCode = "200", description = "An array with the one request",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = Open311.Request.class)))),
            @ApiResponse(responseCode = "400", description = "The id is not a number",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = Open311.Error.class)))),
            @ApiResponse(responseCode = "404", description = "No such request, or one merged into another",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = Open311.Error.class)))),
            @ApiResponse(responseCode = "429", description = "Too many requests from this address",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = Open311.Error.class))))})
    @GetMapping("/requests/{id}.json")
    List<Open311.Request> open311Request(@PathVariable long id,
                                  @Parameter(description = "accepted and ignored")
                                  @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId,
                                  @Parameter(hidden = true) HttpServletRequest http) {
        limit(http);
        return List.of(requests.one(id));
    }

    /** Public and cheap to ask, like the map: each client address is limited (many phones may share one). */
    private void limit(HttpServletRequest http) {
        rateLimiter.hit("open311", ClientAddress.of(http), properties.requestsPerMinute(), Duration.ofMinutes(1));
    }
}
