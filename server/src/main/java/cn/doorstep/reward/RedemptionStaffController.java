package cn.doorstep.reward;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.reward.RewardRequests.HandOver;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Redemptions (staff)",
        description = "Station staff hand a reward over (核销) by scanning the redemption's code. See points.md.")
@RestController
class RedemptionStaffController {

    private final RedemptionHandover handover;

    RedemptionStaffController(RedemptionHandover handover) {
        this.handover = handover;
    }

    @Operation(summary = "核销: scan a redemption's code at your station and hand the reward over (audited)",
            description = "Staff of the station the reward is collected at. Marks the redemption REDEEMED from its "
                    + "scanned QR payload or typed code (case, spaces and dashes ignored); of a hand-over and a "
                    + "cancel arriving together exactly one wins. Refused: 403 31008 staff of another station; 404 "
                    + "31002 unknown code; 409 31006 already handed over, cancelled or expired.")
    @PostMapping("/api/v1/staff/redemptions/redeem")
    ApiResponse<RedemptionView> redeem(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                       @Valid @RequestBody HandOver request) {
        return ApiResponse.ok(handover.handOver(me, request.code()));
    }
}
