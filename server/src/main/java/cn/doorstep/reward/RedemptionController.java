package cn.doorstep.reward;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.IdempotentRequests;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.reward.RewardRequests.Redeem;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Redemptions",
        description = "A resident's redemptions: redeem with points, the code to collect with, cancel before "
                + "collection. See points.md.")
@RestController
@RequestMapping("/api/v1/redemptions")
class RedemptionController {

    private final Redemptions redemptions;

    RedemptionController(Redemptions redemptions) {
        this.redemptions = redemptions;
    }

    @Operation(summary = "Redeem a reward with points: the code to show at the station, its QR payload, where and by when to collect",
            description = "Any signed-in user. Spends the points, takes the stock and makes the redemption together "
                    + "or not at all; Idempotency-Key is required and a retry with it answers the first redemption. "
                    + "Refused, nothing spent: 409 30001 not enough points, 31003 sold out, 31004 not available now "
                    + "(data.reason), 31005 per-person limit; 404 31001; 422 10422 the key was used for another "
                    + "request.")
    @PostMapping
    ApiResponse<RedemptionView> redeem(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                       @Parameter(description = "8-64 characters, new for each redemption; a retry sends the same")
                                       @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key,
                                       @Valid @RequestBody Redeem request) {
        return ApiResponse.ok(redemptions.redeem(me, request.rewardId(), request.quantity(), key));
    }

    @Operation(summary = "Your redemptions, newest first, optionally of one status",
            description = "Any signed-in user. Their own redemptions, optionally only PENDING, REDEEMED, CANCELLED "
                    + "or EXPIRED.")
    @GetMapping("/mine")
    ApiResponse<PageResult<RedemptionView>> mine(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                                 @RequestParam(required = false) RedemptionStatus status,
                                                 @Valid @ParameterObject PageQuery page) {
        return ApiResponse.ok(redemptions.mine(me, status, page));
    }

    @Operation(summary = "One of your redemptions (another user's is 404)",
            description = "The redemption's owner. Its code and QR payload, the station, the collection deadline "
                    + "and its status. Refused: 404 31002 no such redemption of yours.")
    @GetMapping("/{id}")
    ApiResponse<RedemptionView> redemption(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                           @PathVariable long id) {
        return ApiResponse.ok(redemptions.one(me, id));
    }

    @Operation(summary = "Cancel before collection: points and stock come back, once",
            description = "The redemption's owner, before it is handed over. The points come back as a "
                    + "REDEEM_REFUND entry and the stock returns, exactly once. Refused: 404 31002; 409 31006 no "
                    + "longer PENDING (data.status).")
    @PostMapping("/{id}/cancel")
    ApiResponse<RedemptionView> cancel(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                       @PathVariable long id) {
        return ApiResponse.ok(redemptions.cancel(me, id));
    }
}
