package cn.doorstep.points;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.IdempotentRequests;
import cn.doorstep.common.PlainText;
import cn.doorstep.points.PointsAdministration.RuleView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Points (admin)",
        description = "Community admins adjust members' points and set earning rules; the platform admin checks the "
                + "books. See points.md.")
@RestController
@RequestMapping("/api/v1/admin/points")
@Validated
class PointsAdminController {

    private final PointsAdministration administration;
    private final ConsistencyReport consistency;
    private final IdempotentRequests idempotent;

    PointsAdminController(PointsAdministration administration, ConsistencyReport consistency,
                          IdempotentRequests idempotent) {
        this.administration = administration;
        this.consistency = consistency;
        this.idempotent = idempotent;
    }

    @Operation(summary = "Add or remove points of a member of your community, with a reason (audited)",
            description = "Community admins, for members of their community; platform admins, for anyone. Adds or "
                    + "removes points with a reason, once per Idempotency-Key (required); audited. Refused: 403 "
                    + "30008 your own points; 404 30003 no such user in your community; 409 30004 a deduction below zero; 422 10422 the key "
                    + "was used for another request.")
    @PostMapping("/adjustments")
    ApiResponse<LedgerEntryView> adjust(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                        @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key,
                                        @Valid @RequestBody AdjustmentRequest request) {
        return ApiResponse.ok(idempotent.once(me.id(), key, "points.adjust", request, LedgerEntryView.class,
                () -> administration.adjust(me, request.userId(), request.delta(), request.reason(), key)));
    }

    @Operation(summary = "Your community's earning rules (its own or the defaults)",
            description = "Community admins of communityId; platform admins, of any. Points per unit and daily and "
                    + "lifetime caps of RIDER_CHECKIN, VOLUNTEER_SERVICE, WISH_FULFILLED, ACTIVITY_ATTENDED and REPORT_RESOLVED; "
                    + "custom says whether the community set its own. Refused: 403 10300 not your community.")
    @GetMapping("/rules")
    ApiResponse<List<RuleView>> rules(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                      @RequestParam @Positive long communityId) {
        return ApiResponse.ok(administration.rules(me, communityId));
    }

    @Operation(summary = "Set one earning rule of your community",
            description = "Community admins of the community in the body; platform admins, of any. Sets points per "
                    + "unit and the optional caps (none when left out) of one earning kind. Refused: 400 30007 not "
                    + "an earning kind; 403 10300 not your community.")
    @PutMapping("/rules/{kind}")
    ApiResponse<RuleView> setRule(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                  @PathVariable PointsReason kind, @Valid @RequestBody RuleRequest request) {
        return ApiResponse.ok(administration.setRule(me, request.communityId(), kind, request.pointsPerUnit(),
                request.dailyCap(), request.lifetimeCap()));
    }

    @Operation(summary = "Check the books of every community: balances against ledgers, stock against redemptions",
            description = "Platform admins only (a community admin gets 403 10300). Checks every balance against "
                    + "its ledger and the points left in its lots, and every reward's stock against its restocks "
                    + "and live redemptions; problems name user and reward ids.")
    @GetMapping("/consistency")
    ApiResponse<ConsistencyReport.Report> consistency() {
        return ApiResponse.ok(consistency.run());
    }

    record AdjustmentRequest(@NotNull @Positive Long userId,
                             @NotNull @Min(-100_000) @Max(100_000) Long delta,
                             @NotBlank @Size(max = 64) @PlainText String reason) {
    }

    record RuleRequest(@NotNull @Positive Long communityId,
                       @NotNull @Min(0) @Max(10_000) Integer pointsPerUnit,
                       @Min(0) @Max(1_000_000) Integer dailyCap,
                       @Min(0) @Max(100_000_000) Integer lifetimeCap) {
    }
}
