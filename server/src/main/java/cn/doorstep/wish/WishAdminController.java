package cn.doorstep.wish;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.wish.WishPosting.WishPolicyView;
import cn.doorstep.wish.WishRequests.DispatchWishRequest;
import cn.doorstep.wish.WishRequests.ResolveWishRequest;
import cn.doorstep.wish.WishRequests.WishPolicyRequest;
import cn.doorstep.wish.WishRequests.WishReasonRequired;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A community admin's side of wishes: review, dispatch (派单), disputes, the review policy. */
@Tag(name = "Wishes (admin)",
        description = "Community admins review held wishes, dispatch (派单) open ones to a volunteer, settle disputes "
                + "and set the review policy. See wishes.md.")
@RestController
@RequestMapping("/api/v1/admin/wishes")
class WishAdminController {

    private final WishQueries queries;
    private final WishPosting posting;
    private final WishClaims claims;
    private final WishCompletion completion;

    WishAdminController(WishQueries queries, WishPosting posting, WishClaims claims, WishCompletion completion) {
        this.queries = queries;
        this.posting = posting;
        this.claims = claims;
        this.completion = completion;
    }

    @Operation(summary = "Wishes of your communities, e.g. status=PENDING_REVIEW or DISPUTED (admin)",
            description = "Community admins. Wishes of the communities they administer, or of the one named, in any "
                    + "state, oldest first: PENDING_REVIEW and DISPUTED are the work lists.")
    @GetMapping
    ApiResponse<PageResult<WishCard>> adminWishes(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                           @RequestParam(required = false) @Positive Long communityId,
                                           @RequestParam(required = false) WishStatus status,
                                           @Valid @ParameterObject PageQuery page) {
        return ApiResponse.ok(queries.forAdmin(me, communityId, status, page));
    }

    @Operation(summary = "Publish a wish held for review (admin)",
            description = "Community admins of the wish's community. Of two admins deciding at once one wins; "
                    + "audited. Refused: 404 40002 not in your communities; 409 40003 not pending review.")
    @PostMapping("/{id}/approve")
    ApiResponse<WishDetail> approveWish(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                    @PathVariable long id) {
        return ApiResponse.ok(posting.approve(me, id));
    }

    @Operation(summary = "Reject a wish held for review, with a reason the poster reads (admin)",
            description = "Community admins of the wish's community. The poster is told (WISH_REJECTED); of two "
                    + "admins deciding at once one wins; audited. Refused: 400 10000 no reason; 404 40002; 409 "
                    + "40003 not pending review.")
    @PostMapping("/{id}/reject")
    ApiResponse<WishDetail> rejectWish(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                   @PathVariable long id, @Valid @RequestBody WishReasonRequired request) {
        return ApiResponse.ok(posting.reject(me, id, request.reason()));
    }

    @Operation(summary = "Dispatch (派单) an open wish to a named volunteer, who accepts or declines (admin)",
            description = "Community admins of the wish's community. The volunteer of that community or confirmed party "
                    + "member named is told (WISH_DISPATCHED) and has 72 hours to answer; audited. Refused: 400 40014 not "
                    + "eligible; 403 40007 the poster themselves; 404 40002; 409 40003 not open.")
    @PostMapping("/{id}/dispatch")
    ApiResponse<WishDetail> dispatchWish(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                     @PathVariable long id, @Valid @RequestBody DispatchWishRequest request) {
        return ApiResponse.ok(claims.dispatch(me, id, request.volunteerId()));
    }

    @Operation(summary = "Settle a disputed wish: REOPEN (back to the wall), CONFIRM (points) or CANCEL (admin)",
            description = "Community admins of the wish's community. REOPEN undoes the claim and tells the claimer, "
                    + "CONFIRM gives the claimer the points, CANCEL closes it without; audited. Refused: 404 40002; "
                    + "409 40003 not disputed.")
    @PostMapping("/{id}/resolve")
    ApiResponse<WishDetail> resolveWish(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                    @PathVariable long id, @Valid @RequestBody ResolveWishRequest request) {
        return ApiResponse.ok(completion.resolve(me, id, request.outcome(), request.reason()));
    }

    @Operation(summary = "Whether your community reviews every wish or only those WeChat's check held (admin)",
            description = "Community admins of that community. reviewAll and the community default. Refused: 403 "
                    + "40012 not an admin of that community.")
    @GetMapping("/policies/{communityId}")
    ApiResponse<WishPolicyView> wishPolicy(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                       @PathVariable long communityId) {
        return ApiResponse.ok(posting.policy(me, communityId));
    }

    @Operation(summary = "Set whether your community reviews every wish (admin)",
            description = "Community admins of that community. With reviewAll true every new wish waits for an "
                    + "admin, even those WeChat passed. Refused: 403 40012 not an admin of that community.")
    @PutMapping("/policies/{communityId}")
    ApiResponse<WishPolicyView> setWishPolicy(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                          @PathVariable long communityId, @Valid @RequestBody WishPolicyRequest request) {
        return ApiResponse.ok(posting.setPolicy(me, communityId, request.reviewAll()));
    }
}
