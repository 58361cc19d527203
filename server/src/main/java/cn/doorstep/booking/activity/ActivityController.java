package cn.doorstep.booking.activity;

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

@Tag(name = "Activities")
@RestController
class ActivityController {

    private final Activities activities;

    ActivityController(Activities activities) {
        this.activities = activities;
    }

    @Operation(summary = "A station's activities that have not ended, soonest first, with the seats left")
    @GetMapping("/api/v1/stations/{id}/activities")
    ApiResponse<PageResult<ActivityView>> stationActivities(@PathVariable long id, @Valid @ParameterObject PageQuery page) {
        return ApiResponse.ok(activities.coming(id, page));
    }

    @Operation(summary = "Publish an activity at a station (its staff, or its community's admin)")
    @PostMapping({"/api/v1/staff/stations/{stationId}/activities", "/api/v1/admin/stations/{stationId}/activities"})
    ApiResponse<ActivityView> publishActivity(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                              @PathVariable long stationId, @Valid @RequestBody ActivityRequest request) {
        return ApiResponse.ok(activities.publish(me, stationId, request));
    }
}
