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

@Tag(name = "Points (admin)")
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

    @Operation(summary = "Add or remove points of a member of your community, with a reason (audited)")
    @PostMapping("/adjustments")
    ApiResponse<LedgerEntryView> adjust(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                        @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key,
                                        @Valid @RequestBody AdjustmentRequest request) {
        return ApiResponse.ok(idempotent.once(me.id(), key, "points.adjust", request, LedgerEntryView.class,
                () -> administration.adjust(me, request.userId(), request.delta(), request.reason(), key)));
    }

    @Operation(summary = "Your community's earning rules (its own or the defaults)")
    @GetMapping("/rules")
    ApiResponse<List<RuleView>> rules(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                      @RequestParam @Positive long communityId) {
        return ApiResponse.ok(administration.rules(me, communityId));
    }

    @Operation(summary = "Set one earning rule of your community")
    @PutMapping("/rules/{kind}")
    ApiResponse<RuleView> setRule(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                  @PathVariable PointsReason kind, @Valid @RequestBody RuleRequest request) {
        return ApiResponse.ok(administration.setRule(me, request.communityId(), kind, request.pointsPerUnit(),
                request.dailyCap(), request.lifetimeCap()));
    }

    @Operation(summary = "Check the books of every community (platform admins only): every balance equals its ledger and lots; stock matches redemptions")
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
