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

@Tag(name = "Wishes",
        description = "Micro-wishes (微心愿): post, the wish wall, claim, fulfil (纪实), confirm or dispute, cancel; "
                + "contacts only for the wish's people. See wishes.md.")
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

    @Operation(summary = "Post a wish: WeChat checks title and text; published at once, or held for the community's review",
            description = "Any signed-in user. Published OPEN at once, or held PENDING_REVIEW when WeChat asks for "
                    + "a person, does not answer, or the community reviews every wish. Refused: 422 40001 "
                    + "unsuitable words (nothing stored); 400 13002/13003 unknown community or grid; 429 over 10 "
                    + "wishes an hour.")
    @PostMapping
    ApiResponse<WishDetail> postWish(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                 @Valid @RequestBody PostWishRequest request) {
        return ApiResponse.ok(posting.post(me, request));
    }

    @Operation(summary = "The wish wall: published wishes (OPEN unless status says otherwise), newest first; contacts masked",
            description = "Any signed-in user. Filters by community, grid, category and status (OPEN by default; "
                    + "DISPATCHED to CONFIRMED for a wall of done wishes); contacts are masked and the address "
                    + "never shown. Refused: 400 10000 an unpublished status or unknown category.")
    @GetMapping
    ApiResponse<PageResult<WishCard>> wishWall(@RequestParam(required = false) @Positive Long communityId,
                                           @RequestParam(required = false) @Positive Long gridId,
                                           @RequestParam(required = false) WishCategory category,
                                           @RequestParam(required = false) WishStatus status,
                                           @Valid @ParameterObject PageQuery page) {
        return ApiResponse.ok(queries.wall(communityId, gridId, category, status, page));
    }

    @Operation(summary = "Your wishes: role=poster (posted) or role=claimer (claimed, or dispatched to you)",
            description = "Any signed-in user. role=poster (default): the wishes they posted, in any state; "
                    + "role=claimer: those they claimed and those dispatched to them awaiting an answer. Refused: "
                    + "400 10000 another role.")
    @GetMapping("/mine")
    ApiResponse<PageResult<WishCard>> myWishes(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                           @RequestParam(defaultValue = "poster")
                                           @Pattern(regexp = "poster|claimer", message = "must be poster or claimer") String role,
                                           @RequestParam(required = false) WishStatus status,
                                           @Valid @ParameterObject PageQuery page) {
        return ApiResponse.ok(queries.mine(me, MineRole.valueOf(role.toUpperCase(Locale.ROOT)), status, page));
    }

    @Operation(summary = "One wish with its status timeline and the actions open to you",
            description = "Any signed-in user, for a published wish; an unpublished one only the wish's "
                    + "people (poster, claimer, dispatched volunteer, the community's admins). Masked contact; notes "
                    + "only for those people; actions are the buttons the caller may press now. Refused: 404 40002 "
                    + "no such wish, or not one you may see.")
    @GetMapping("/{id}")
    ApiResponse<WishDetail> wishDetail(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                   @PathVariable long id) {
        return ApiResponse.ok(queries.detail(me, id));
    }

    @Operation(summary = "The poster's name, phone and address: for the poster and the current claimer only; audited",
            description = "The poster and the current claimer. The full name, phone and address (a grid head's "
                    + "phone for a wish posted on behalf); every call is audited, so fetch it when the user taps. "
                    + "Refused: 403 40010 neither; 404 40002.")
    @GetMapping("/{id}/contact")
    ApiResponse<WishContact> wishContact(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                     @PathVariable long id) {
        return ApiResponse.ok(queries.contact(me, id));
    }

    @Operation(summary = "Claim an open wish (volunteers, confirmed party members); one claimer wins, the others get 409",
            description = "Volunteers of the wish's community and party members whose 双报到 is confirmed. Of many claiming at once exactly "
                    + "one wins; at most 3 open claims each, each to fulfil within 72 hours; Idempotency-Key is "
                    + "required. Refused: 403 40006 not eligible, 40007 own wish; 409 40004 claimed first by "
                    + "another, 40005 claim limit, 40003 not open.")
    @PostMapping("/{id}/claim")
    ApiResponse<WishDetail> claimWish(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                  @Parameter(description = "8-64 characters, new for each claim; a retry sends the same")
                                  @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key,
                                  @PathVariable long id) {
        return ApiResponse.ok(idempotent.once(me.id(), key, "wish.claim:" + id, id, WishDetail.class,
                () -> claims.claim(me, id)));
    }

    @Operation(summary = "Give a claimed wish back to the wall (the claimer)",
            description = "The claimer, with an optional reason; the poster is told (WISH_RELEASED). Refused: 403 "
                    + "40009 not your claim; 409 40003 not claimed any more.")
    @PostMapping("/{id}/release")
    ApiResponse<WishDetail> releaseWish(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                    @PathVariable long id, @Valid @RequestBody(required = false) WishReasonRequest request) {
        return ApiResponse.ok(claims.release(me, id, request == null ? null : request.reason()));
    }

    @Operation(summary = "Take a wish an admin dispatched to you (派单)",
            description = "The volunteer the wish was dispatched to. Claims it, within the open-claims cap. "
                    + "Refused: 403 40011 not dispatched to you; 409 40005 claim limit, 40003 no longer dispatched.")
    @PostMapping("/{id}/accept")
    ApiResponse<WishDetail> acceptWish(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                   @PathVariable long id) {
        return ApiResponse.ok(claims.accept(me, id));
    }

    @Operation(summary = "Decline a wish an admin dispatched to you: it goes back to the wall",
            description = "The volunteer the wish was dispatched to, with an optional reason; 72 hours without an "
                    + "answer do the same. Refused: 403 40011 not dispatched to you; 409 40003 no longer "
                    + "dispatched.")
    @PostMapping("/{id}/decline")
    ApiResponse<WishDetail> declineWish(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                    @PathVariable long id, @Valid @RequestBody(required = false) WishReasonRequest request) {
        return ApiResponse.ok(claims.decline(me, id, request == null ? null : request.reason()));
    }

    @Operation(summary = "Record the fulfilment (纪实): a note and at least one uploaded photo (the claimer)",
            description = "The claimer, with 1-9 photos from POST /api/v1/media/images and optional hours. The "
                    + "poster is asked to confirm (WISH_FULFILLED); without an answer in 7 days it is confirmed "
                    + "automatically. Refused: 400 10000 no note or photo, or a photo from elsewhere; 403 40009 not "
                    + "the claimer; 409 40003 not claimed.")
    @PostMapping("/{id}/fulfil")
    ApiResponse<WishDetail> fulfilWish(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                   @PathVariable long id, @Valid @RequestBody FulfilWishRequest request) {
        return ApiResponse.ok(completion.fulfil(me, id, request));
    }

    @Operation(summary = "Confirm a fulfilled wish with a rating: it closes and the claimer earns points (the poster)",
            description = "The poster; for a wish posted on behalf, a grid head of its grid with a comment saying "
                    + "how the resident was asked. The claimer earns the community's wish points exactly once. "
                    + "Refused: 400 40015 grid head without a comment; 403 40008 not the poster, 40016 you "
                    + "fulfilled it yourself; 409 40003 not fulfilled.")
    @PostMapping("/{id}/confirm")
    ApiResponse<WishDetail> confirmWish(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                    @PathVariable long id, @Valid @RequestBody ConfirmWishRequest request) {
        return ApiResponse.ok(completion.confirm(me, id, request));
    }

    @Operation(summary = "Say a fulfilled wish was not done: the community's admin decides (the poster)",
            description = "The poster, instead of confirming, with a reason; the wish is not confirmed "
                    + "automatically meanwhile. Refused: 400 10000 no reason; 403 40008 not the poster; 409 40003 "
                    + "not fulfilled.")
    @PostMapping("/{id}/dispute")
    ApiResponse<WishDetail> disputeWish(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                    @PathVariable long id, @Valid @RequestBody WishReasonRequired request) {
        return ApiResponse.ok(completion.dispute(me, id, request.reason()));
    }

    @Operation(summary = "Withdraw a wish that is pending, open, dispatched or claimed (the poster); a claimer is told",
            description = "The poster, with an optional reason; a claimer or dispatched volunteer is told "
                    + "(WISH_CANCELLED). Refused: 403 40008 not your wish; 409 40003 fulfilled or closed already.")
    @PostMapping("/{id}/cancel")
    ApiResponse<WishDetail> cancelWish(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                   @PathVariable long id, @Valid @RequestBody(required = false) WishReasonRequest request) {
        return ApiResponse.ok(completion.cancel(me, id, request == null ? null : request.reason()));
    }
}
