package cn.doorstep.reward;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.IdempotentRequests;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.reward.RewardRequests.NewReward;
import cn.doorstep.reward.RewardRequests.Restock;
import cn.doorstep.reward.RewardRequests.RewardChange;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Rewards (admin)",
        description = "Community admins offer rewards at their stations, change, withdraw, reinstate and restock "
                + "them. See points.md.")
@RestController
@RequestMapping("/api/v1/admin/rewards")
class RewardAdminController {

    private final RewardCatalogue catalogue;
    private final IdempotentRequests idempotent;

    RewardAdminController(RewardCatalogue catalogue, IdempotentRequests idempotent) {
        this.catalogue = catalogue;
        this.idempotent = idempotent;
    }

    @Operation(summary = "Your community's rewards (any status), newest first",
            description = "Community admins of communityId. The community's rewards in every status, or in the one "
                    + "named. Refused: 403 31007 not your community.")
    @GetMapping
    ApiResponse<PageResult<RewardView>> list(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                             @RequestParam @Positive long communityId,
                                             @RequestParam(required = false) RewardStatus status,
                                             @Valid @ParameterObject PageQuery page) {
        return ApiResponse.ok(catalogue.ofCommunity(me, communityId, status, page));
    }

    @Operation(summary = "One reward of your community, withdrawn ones included",
            description = "Community admins of the reward's community. The reward whatever its status. Refused: 404 "
                    + "31001 (also another community's reward).")
    @GetMapping("/{id}")
    ApiResponse<RewardView> get(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        return ApiResponse.ok(catalogue.forAdmin(me, id));
    }

    @Operation(summary = "Offer a reward at a station of your community, with its initial stock",
            description = "Community admins of the station's community. Goods or a service at the station for a "
                    + "points price, with optional per-person limit, availability window and uploaded photos; "
                    + "audited. Refused: 400 31009 unknown station, 31010 a window that ends before it starts; 403 "
                    + "31007 not your community.")
    @PostMapping
    ApiResponse<RewardView> create(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                   @Valid @RequestBody NewReward request) {
        return ApiResponse.ok(catalogue.create(me, request));
    }

    @Operation(summary = "Change a reward (everything but its stock; a field left out is cleared)",
            description = "Community admins of the reward's community. Send every field; the stock moves only by "
                    + "restocks and redemptions; audited. Refused: 400 31009, 31010; 403 31007 the station is not your community's; 404 31001 (also another community's reward).")
    @PutMapping("/{id}")
    ApiResponse<RewardView> change(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                   @PathVariable long id, @Valid @RequestBody RewardChange request) {
        return ApiResponse.ok(catalogue.change(me, id, request));
    }

    @Operation(summary = "Take a reward off the catalogue; redemptions already made stay collectable",
            description = "Community admins of the reward's community. The public GET /api/v1/rewards/{id} answers "
                    + "404 afterwards; audited. Refused: 409 31012 already withdrawn; 404 31001 (also another community's reward).")
    @PostMapping("/{id}/withdraw")
    ApiResponse<RewardView> withdraw(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                     @PathVariable long id) {
        return ApiResponse.ok(catalogue.setStatus(me, id, RewardStatus.WITHDRAWN));
    }

    @Operation(summary = "Put a withdrawn reward back on the catalogue",
            description = "Community admins of the reward's community. The reward is on offer again inside its "
                    + "window; audited. Refused: 409 31012 already active; 404 31001 (also another community's reward).")
    @PostMapping("/{id}/reinstate")
    ApiResponse<RewardView> reinstate(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                      @PathVariable long id) {
        return ApiResponse.ok(catalogue.setStatus(me, id, RewardStatus.ACTIVE));
    }

    @Operation(summary = "Add stock to a reward",
            description = "Community admins of the reward's community. Adds 1-100000 units, once per "
                    + "Idempotency-Key (required); audited. Refused: 404 31001 (also another community's reward); 422 10422 the key was "
                    + "used for another restock.")
    @PostMapping("/{id}/restock")
    ApiResponse<RewardView> restock(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                    @Parameter(description = "8-64 characters, new for each restock")
                                    @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key,
                                    @PathVariable long id, @Valid @RequestBody Restock request) {
        return ApiResponse.ok(idempotent.once(me.id(), key, "reward.restock:" + id, request, RewardView.class,
                () -> catalogue.restock(me, id, request.quantity(), key)));
    }
}
