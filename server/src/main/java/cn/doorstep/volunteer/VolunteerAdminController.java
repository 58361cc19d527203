package cn.doorstep.volunteer;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.volunteer.VolunteerRequests.RejectRequest;
import cn.doorstep.volunteer.VolunteerRequests.RevokeRequest;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Volunteers (admin)",
        description = "Community admins (and street and district admins, for every community below them) review "
                + "volunteer applications and list and revoke their communities' volunteers. See volunteers.md.")
@RestController
@RequestMapping("/api/v1/admin/volunteers")
class VolunteerAdminController {

    private final VolunteerAdministration administration;

    VolunteerAdminController(VolunteerAdministration administration) {
        this.administration = administration;
    }

    @Operation(summary = "Volunteer applications of your communities",
            description = "Community, street and district admins. Pages through the applications to the communities "
                    + "they administer (or of one of them, communityId), oldest first, optionally of one status; phones "
                    + "masked.")
    @GetMapping("/applications")
    ApiResponse<PageResult<ApplicationView>> applications(
            @Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
            @Parameter(description = "one of your communities only (another lists nothing)")
            @RequestParam(required = false) Long communityId,
            @RequestParam(required = false) ApplicationStatus status, @Valid @ParameterObject PageQuery page) {
        return ApiResponse.ok(administration.applications(me, communityId, status, page));
    }

    @Operation(summary = "Approve a volunteer application: the applicant becomes a volunteer of the community",
            description = "Admins of the application's community. Approves a PENDING application and grants the "
                    + "VOLUNTEER role for that community (from the applicant's next request); audited, the applicant "
                    + "is told (VOLUNTEER_APPROVED). Of admins deciding at once exactly one wins. Refused: 403 43006 "
                    + "your own application; 404 43004 not in your communities; 409 43005 decided already.")
    @PostMapping("/applications/{id}/approve")
    ApiResponse<ApplicationView> approve(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                         @PathVariable long id) {
        return ApiResponse.ok(administration.approve(me, id));
    }

    @Operation(summary = "Reject a volunteer application with a reason",
            description = "Admins of the application's community. Rejects a PENDING application with a reason the "
                    + "applicant reads (they may apply again); audited, the applicant is told (VOLUNTEER_REJECTED). "
                    + "Refused: 400 10000 reason missing or not plain text; 403 43006 your own application; 404 "
                    + "43004 not in your communities; 409 43005 decided already.")
    @PostMapping("/applications/{id}/reject")
    ApiResponse<ApplicationView> reject(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                        @PathVariable long id, @Valid @RequestBody RejectRequest request) {
        return ApiResponse.ok(administration.reject(me, id, request.reason()));
    }

    @Operation(summary = "Volunteers of your communities, with masked phones and skills",
            description = "Community, street and district admins. Pages through the holders of the VOLUNTEER role "
                    + "in the communities they administer (or in one of them, communityId), by community then user, "
                    + "with the name, skills and availability of their approved application (none for a volunteer "
                    + "granted before applications existed) and a masked phone.")
    @GetMapping
    ApiResponse<PageResult<VolunteerView>> volunteers(
            @Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
            @Parameter(description = "one of your communities only (another lists nothing)")
            @RequestParam(required = false) Long communityId, @Valid @ParameterObject PageQuery page) {
        return ApiResponse.ok(administration.volunteers(me, communityId, page));
    }

    @Operation(summary = "Revoke a volunteer of one of your communities, with a reason",
            description = "Admins of the community named. Takes the VOLUNTEER role of that community from the user "
                    + "(from their next request); their approved application becomes REVOKED with the reason, which "
                    + "they read in their applications and inbox (VOLUNTEER_REVOKED); audited. Refused: 400 10000 "
                    + "communityId or reason missing; 404 43008 not a volunteer of that community, or not your community.")
    @PostMapping("/{userId}/revoke")
    ApiResponse<Void> revoke(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                             @PathVariable long userId, @Valid @RequestBody RevokeRequest request) {
        administration.revoke(me, userId, request.communityId(), request.reason());
        return ApiResponse.ok(null);
    }
}
