package cn.doorstep.schedule.activity;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.ClientAddress;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.station.StationRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Activities",
        description = "Events at stations (暖新大集, free clinics, the monthly 义剪) that residents sign up for like a "
                + "slot, one-off or repeating by a rule; attendance may earn points. See booking.md.")
@RestController
class ActivityController {

    private final Activities activities;

    ActivityController(Activities activities) {
        this.activities = activities;
    }

    @Operation(summary = "A station's activities that have not ended, soonest first, with the seats left",
            description = "Public. Each with its place, times, audience and the points attendance earns; sign up "
                    + "with POST /api/v1/bookings and its activityId.")
    @GetMapping("/api/v1/stations/{id}/activities")
    ApiResponse<PageResult<ActivityView>> stationActivities(@PathVariable long id, @Valid @ParameterObject PageQuery page) {
        return ApiResponse.ok(activities.coming(id, page));
    }

    @Operation(summary = "Publish an activity at a station (its staff, or its community's admin)",
            description = "Staff of the station (under /staff) or admins of its community (under /admin). Starts "
                    + "and ends are station-local times without an offset; residents book it like a slot (its "
                    + "slotId); audited. Refused: 400 50022 times inconsistent or past; 403 50024 neither staff nor "
                    + "admin here; 404 20001.")
    @PostMapping({"/api/v1/staff/stations/{stationId}/activities", "/api/v1/admin/stations/{stationId}/activities"})
    ApiResponse<ActivityView> publishActivity(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                              @PathVariable long stationId, @Valid @RequestBody ActivityRequest request) {
        return ApiResponse.ok(activities.publish(me, stationId, request));
    }

    @Operation(summary = "One activity, with its seats left",
            description = "Public. Its station, kind, place, times, audience, the points attendance earns, its slotId "
                    + "and status (CLOSED once cancelled). Refused: 404 50003 no such activity, or its station is not "
                    + "running.")
    @SecurityRequirements
    @GetMapping("/api/v1/activities/{id}")
    ApiResponse<ActivityView> activity(@PathVariable long id) {
        return ApiResponse.ok(activities.get(id));
    }

    @Operation(summary = "Activities near a point (GCJ-02), soonest first, by kind and date",
            description = "Public. The activities that have not ended and are not cancelled at the running stations "
                    + "within radius metres (default 3000, at most 20000; the 500 nearest stations, found through the "
                    + "map's index), of a kind and starting on a China date when given; each with its station's name "
                    + "and distance. Refused: 400 10000 lat or lng missing or outside China, a bad radius, kind or "
                    + "date; 429 shares the map's per-address limit.")
    @SecurityRequirements
    @GetMapping("/api/v1/activities")
    ApiResponse<PageResult<NearbyActivity>> activitiesNear(
            @Parameter(description = "GCJ-02 latitude") @RequestParam
            @DecimalMin(StationRequest.MIN_LAT) @DecimalMax(StationRequest.MAX_LAT) double lat,
            @Parameter(description = "GCJ-02 longitude") @RequestParam
            @DecimalMin(StationRequest.MIN_LNG) @DecimalMax(StationRequest.MAX_LNG) double lng,
            @Parameter(description = "metres, default 3000") @RequestParam(defaultValue = "3000") @Min(1) @Max(20_000)
            int radius,
            @RequestParam(required = false) ActivityKind kind,
            @Parameter(description = "China date the activity starts on, yyyy-MM-dd")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @Valid @ParameterObject PageQuery page, @Parameter(hidden = true) HttpServletRequest http) {
        return ApiResponse.ok(activities.near(lat, lng, radius, kind, date, page, ClientAddress.of(http)));
    }
}
