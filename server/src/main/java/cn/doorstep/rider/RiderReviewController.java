package cn.doorstep.rider;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.rider.RiderService.Reviewer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import cn.doorstep.common.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reviewing rider registrations: community admins under /admin, station staff under /staff (for
 * the communities their stations are in). Same rules, different scope.
 */
@Tag(name = "Riders (review)",
        description = "Community admins (/admin) and station staff (/staff) verify or reject the rider "
                + "registrations of their communities. See riders.md.")
@RestController
class RiderReviewController {

    private final RiderService riders;

    RiderReviewController(RiderService riders) {
        this.riders = riders;
    }

    @Operation(summary = "Rider registrations of your communities (admin)",
            description = "Community admins. Pages through the rider registrations of the communities they "
                    + "administer, optionally of one status, each with the version to send back when deciding.")
    @GetMapping("/api/v1/admin/riders")
    ApiResponse<PageResult<RiderView>> adminList(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                                 @RequestParam(required = false) RiderStatus status,
                                                 @Valid @ParameterObject PageQuery page) {
        return ApiResponse.ok(riders.forReview(me, Reviewer.ADMIN, status, page));
    }

    @Operation(summary = "Verify a registration (the version you read) and issue the community pass (admin)",
            description = "Community admins, for registrations of their communities. Verifies a PENDING "
                    + "registration as read (its version), issues the pass number and grants the RIDER role; "
                    + "audited. Refused: 403 21011 your own registration; 404 21006 not in your communities; 409 "
                    + "21007 already decided, 21010 changed since you read it (reload).")
    @PostMapping("/api/v1/admin/riders/{id}/verify")
    ApiResponse<RiderView> adminVerify(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                       @PathVariable long id, @Valid @RequestBody VerifyRequest request) {
        return ApiResponse.ok(riders.verify(me, Reviewer.ADMIN, id, request.version()));
    }

    @Operation(summary = "Reject a registration with a reason (admin)",
            description = "Community admins, for registrations of their communities. Rejects a PENDING registration "
                    + "as read (its version) with a reason the rider sees, who may register again; audited. "
                    + "Refused: 403 21011 your own registration; 404 21006 not in your communities; 409 21007 "
                    + "already decided, 21010 changed since you read it (reload).")
    @PostMapping("/api/v1/admin/riders/{id}/reject")
    ApiResponse<RiderView> adminReject(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                       @PathVariable long id, @Valid @RequestBody RejectRequest request) {
        return ApiResponse.ok(riders.reject(me, Reviewer.ADMIN, id, request.version(), request.reason()));
    }

    @Operation(summary = "Rider registrations of your stations' communities (staff)",
            description = "Station staff. Pages through the rider registrations of the communities their open "
                    + "stations are in, optionally of one status, each with the version to send back when deciding.")
    @GetMapping("/api/v1/staff/riders")
    ApiResponse<PageResult<RiderView>> staffList(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                                 @RequestParam(required = false) RiderStatus status,
                                                 @Valid @ParameterObject PageQuery page) {
        return ApiResponse.ok(riders.forReview(me, Reviewer.STAFF, status, page));
    }

    @Operation(summary = "Verify a registration (the version you read) and issue the community pass (staff)",
            description = "Station staff, for registrations of their stations' communities. Verifies a PENDING "
                    + "registration as read (its version), issues the pass number and grants the RIDER role; "
                    + "audited. Refused: 403 21011 your own registration; 404 21006 not in your communities; 409 "
                    + "21007 already decided, 21010 changed since you read it (reload).")
    @PostMapping("/api/v1/staff/riders/{id}/verify")
    ApiResponse<RiderView> staffVerify(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                       @PathVariable long id, @Valid @RequestBody VerifyRequest request) {
        return ApiResponse.ok(riders.verify(me, Reviewer.STAFF, id, request.version()));
    }

    @Operation(summary = "Reject a registration with a reason (staff)",
            description = "Station staff, for registrations of their stations' communities. Rejects a PENDING "
                    + "registration as read (its version) with a reason the rider sees, who may register again; "
                    + "audited. Refused: 403 21011 your own registration; 404 21006 not in your communities; 409 "
                    + "21007 already decided, 21010 changed since you read it (reload).")
    @PostMapping("/api/v1/staff/riders/{id}/reject")
    ApiResponse<RiderView> staffReject(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                       @PathVariable long id, @Valid @RequestBody RejectRequest request) {
        return ApiResponse.ok(riders.reject(me, Reviewer.STAFF, id, request.version(), request.reason()));
    }

    /** {@code version}: the registration's version as the reviewer read it (from the list). */
    record VerifyRequest(@NotNull @PositiveOrZero Integer version) {
    }

    record RejectRequest(@NotNull @PositiveOrZero Integer version, @NotBlank @Size(max = 128) @PlainText String reason) {
    }
}
