package cn.doorstep.schedule.activity;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Repeating activities",
        description = "Rules that make a station's recurring activities (the monthly 义剪, a weekly class) ahead of "
                + "time; each occurrence is an ordinary activity. See booking.md.")
@RestController
class ActivityRuleController {

    private final ActivityRules rules;

    ActivityRuleController(ActivityRules rules) {
        this.rules = rules;
    }

    @Operation(summary = "Create a repeating activity at a station (its staff, or its community's admin)",
            description = "Staff of the station (under /staff) or admins of its community (under /admin). WEEKLY on "
                    + "dayOfWeek, or MONTHLY on the weekOfMonth-th dayOfWeek (-1: the last); times of day and dates are "
                    + "station-local. Its occurrences for the horizon (default 35 days) are made at once, then hourly "
                    + "as the horizon moves; a day the station is closed gets none; audited. Refused: 400 50022 "
                    + "weekOfMonth missing for MONTHLY, equal times, lastDate before firstDate (data.errors names "
                    + "it); 403 50024 neither staff nor admin here; 404 20001.")
    @PostMapping({"/api/v1/staff/stations/{stationId}/activity-rules", "/api/v1/admin/stations/{stationId}/activity-rules"})
    ApiResponse<ActivityRuleView> createActivityRule(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                                     @PathVariable long stationId,
                                                     @Valid @RequestBody ActivityRuleRequest request) {
        return ApiResponse.ok(rules.create(me, stationId, request));
    }

    @Operation(summary = "End a repeating activity: no more occurrences are made",
            description = "Staff of its station or admins of its community. The occurrences already made stay "
                    + "(close their slots to cancel them); audited. Refused: 403 50024; 404 51001 no such rule; "
                    + "409 51002 ended already.")
    @PostMapping({"/api/v1/staff/activity-rules/{id}/end", "/api/v1/admin/activity-rules/{id}/end"})
    ApiResponse<ActivityRuleView> endActivityRule(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                                  @PathVariable long id) {
        return ApiResponse.ok(rules.end(me, id));
    }

    @Operation(summary = "A station's repeating activities, oldest first",
            description = "Public. The rules still making occurrences (\"每月第二个周六 9:00–11:00 义剪\"); the "
                    + "occurrences are in GET /api/v1/stations/{id}/activities with their ruleId. Refused: 400 10000 "
                    + "a bad page; 404 20001 no such station, or closed.")
    @SecurityRequirements
    @GetMapping("/api/v1/stations/{id}/activity-rules")
    ApiResponse<PageResult<ActivityRuleView>> stationActivityRules(@PathVariable long id,
                                                                  @Valid @ParameterObject PageQuery page) {
        return ApiResponse.ok(rules.atStation(id, page));
    }
}
