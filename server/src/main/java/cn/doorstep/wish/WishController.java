package cn.doorstep.wish;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.IdempotentRequests;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.wish.WishQueries.MineRole;
import cn.doorstep.wish.WishRequests.ConfirmWishRequest;
import cn.doorstep.wish.WishRequests.FulfilWishRequest;
import cn.doorstep.wish.WishRequests.WishReasonRequest;
import cn.doorstep.wish.WishRequests.WishReasonRequired;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.util.Locale;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Wishes")
@RestController
@RequestMapping("/api/v1/wishes")
class WishController {

    private final WishPosting posting;
    private final WishQueries queries;
    private final WishClaims claims;
    private final WishCompletion completion;
    private final IdempotentRequests idempotent;

    WishController(WishPosting posting, WishQueries queries, WishClaims claims, WishCompletion completion,
                   IdempotentRequests idempotent) {
        this.posting = posting;
        this.queries = queries;
        this.claims = claims;
        this.completion = completion;
        this.idempotent = idempotent;
    }

    @Operation(summary = "Post a wish: WeChat checks title and text; published at once, or held for the community's review")
    @PostMapping
    ApiResponse<WishDetail> postWish(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                 @Valid @RequestBody PostWishRequest request) {
        return ApiResponse.ok(posting.post(me, request));
    }

    @Operation(summary = "The wish wall: published wishes (OPEN unless status says otherwise), newest first; contacts masked")
    @GetMapping
    ApiResponse<PageResult<WishCard>> wishWall(@RequestParam(required = false) @Positive Long communityId,
                                           @RequestParam(required = false) @Positive Long gridId,
                                           @RequestParam(required = false) WishCategory category,
                                           @RequestParam(required = false) WishStatus status,
                                           @Valid @ParameterObject PageQuery page) {
        return ApiResponse.ok(queries.wall(communityId, gridId, category, status, page));
    }

    @Operation(summary = "Your wishes: role=poster (posted) or role=claimer (claimed, or dispatched to you)")
    @GetMapping("/mine")
    ApiResponse<PageResult<WishCard>> myWishes(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                           @RequestParam(defaultValue = "poster")
                                           @Pattern(regexp = "poster|claimer", message = "must be poster or claimer") String role,
                                           @RequestParam(required = false) WishStatus status,
                                           @Valid @ParameterObject PageQuery page) {
        return ApiResponse.ok(queries.mine(me, MineRole.valueOf(role.toUpperCase(Locale.ROOT)), status, page));
    }

    @Operation(summary = "One wish with its status timeline and the actions open to you")
    @GetMapping("/{id}")
    ApiResponse<WishDetail> wishDetail(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                   @PathVariable long id) {
        return ApiResponse.ok(queries.detail(me, id));
    }

    @Operation(summary = "The poster's name, phone and address: for the poster and the current claimer only; audited")
    @GetMapping("/{id}/contact")
    ApiResponse<WishContact> wishContact(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                     @PathVariable long id) {
        return ApiResponse.ok(queries.contact(me, id));
    }

    @Operation(summary = "Claim an open wish (volunteers, confirmed party members); one claimer wins, the others get 409")
    @PostMapping("/{id}/claim")
    ApiResponse<WishDetail> claimWish(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                  @Parameter(description = "8-64 characters, new for each claim; a retry sends the same")
                                  @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key,
                                  @PathVariable long id) {
        return ApiResponse.ok(idempotent.once(me.id(), key, "wish.claim:" + id, id, WishDetail.class,
                () -> claims.claim(me, id)));
    }

    @Operation(summary = "Give a claimed wish back to the wall (the claimer)")
    @PostMapping("/{id}/release")
    ApiResponse<WishDetail> releaseWish(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                    @PathVariable long id, @Valid @RequestBody(required = false) WishReasonRequest request) {
        return ApiResponse.ok(claims.release(me, id, request == null ? null : request.reason()));
    }

    @Operation(summary = "Take a wish an admin dispatched to you (派单)")
    @PostMapping("/{id}/accept")
    ApiResponse<WishDetail> acceptWish(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                   @PathVariable long id) {
        return ApiResponse.ok(claims.accept(me, id));
    }

    @Operation(summary = "Decline a wish an admin dispatched to you: it goes back to the wall")
    @PostMapping("/{id}/decline")
    ApiResponse<WishDetail> declineWish(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                    @PathVariable long id, @Valid @RequestBody(required = false) WishReasonRequest request) {
        return ApiResponse.ok(claims.decline(me, id, request == null ? null : request.reason()));
    }

    @Operation(summary = "Record the fulfilment (纪实): a note and at least one uploaded photo (the claimer)")
    @PostMapping("/{id}/fulfil")
    ApiResponse<WishDetail> fulfilWish(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                   @PathVariable long id, @Valid @RequestBody FulfilWishRequest request) {
        return ApiResponse.ok(completion.fulfil(me, id, request));
    }

    @Operation(summary = "Confirm a fulfilled wish with a rating: it closes and the claimer earns points (the poster)")
    @PostMapping("/{id}/confirm")
    ApiResponse<WishDetail> confirmWish(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                    @PathVariable long id, @Valid @RequestBody ConfirmWishRequest request) {
        return ApiResponse.ok(completion.confirm(me, id, request));
    }

    @Operation(summary = "Say a fulfilled wish was not done: the community's admin decides (the poster)")
    @PostMapping("/{id}/dispute")
    ApiResponse<WishDetail> disputeWish(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                    @PathVariable long id, @Valid @RequestBody WishReasonRequired request) {
        return ApiResponse.ok(completion.dispute(me, id, request.reason()));
    }

    @Operation(summary = "Withdraw a wish that is pending, open, dispatched or claimed (the poster); a claimer is told")
    @PostMapping("/{id}/cancel")
    ApiResponse<WishDetail> cancelWish(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                   @PathVariable long id, @Valid @RequestBody(required = false) WishReasonRequest request) {
        return ApiResponse.ok(completion.cancel(me, id, request == null ? null : request.reason()));
    }
}
