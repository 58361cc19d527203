package cn.doorstep.schedule.activity;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Activities",
        description = "One-off events at stations (暖新大集, free clinics) that residents sign up for like a slot; "
                + "attendance may earn points. See booking.md.")
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
}
