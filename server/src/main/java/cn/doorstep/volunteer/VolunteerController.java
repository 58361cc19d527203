package cn.doorstep.volunteer;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.volunteer.VolunteerRequests.ApplyRequest;
import cn.doorstep.volunteer.VolunteerRequests.LeaveRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Volunteers",
        description = "志愿者注册: a resident applies to volunteer for a community, reads their applications, and "
                + "leaves. See volunteers.md.")
@RestController
@RequestMapping("/api/v1/volunteers")
class VolunteerController {

    private final VolunteerApplications applications;

    VolunteerController(VolunteerApplications applications) {
        this.applications = applications;
    }

    @Operation(summary = "Apply to volunteer for a community",
            description = "Any signed-in user. Applies with their real name, skills from the fixed list, "
                    + "availability and a contact phone (the bound one unless another is given); the application "
                    + "waits for the community's admins. One open application per community. Refused: 400 10000 "
                    + "a field invalid, 13002 unknown community; 409 43001 no phone bound and none given, 43002 "
                    + "an application to this community is pending, 43003 a volunteer of it already.")
    @PostMapping("/applications")
    ApiResponse<ApplicationView> apply(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                       @Valid @RequestBody ApplyRequest request) {
        return ApiResponse.ok(applications.apply(me, request));
    }

    @Operation(summary = "Your volunteer applications, newest first",
            description = "Any signed-in user. Pages through their own applications (every community, every "
                    + "status), each with the reason of a rejection or revocation. The phone is masked.")
    @GetMapping("/applications/mine")
    ApiResponse<PageResult<ApplicationView>> mine(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                                  @Valid @ParameterObject PageQuery page) {
        return ApiResponse.ok(applications.mine(me, page));
    }

    @Operation(summary = "Stop volunteering for a community",
            description = "Volunteers. Gives up the VOLUNTEER role of the community named (wishes already claimed "
                    + "stay theirs to fulfil or release); the approved application becomes LEFT. They may apply "
                    + "again later. Refused: 400 10000 communityId missing; 404 43007 not a volunteer of it.")
    @PostMapping("/leave")
    ApiResponse<Void> leave(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                            @Valid @RequestBody LeaveRequest request) {
        applications.leave(me, request.communityId());
        return ApiResponse.ok(null);
    }
}
