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

@Tag(name = "Redemptions (staff)")
@RestController
class RedemptionStaffController {

    private final RedemptionHandover handover;

    RedemptionStaffController(RedemptionHandover handover) {
        this.handover = handover;
    }

    @Operation(summary = "核销: scan a redemption's code at your station and hand the reward over (audited)")
    @PostMapping("/api/v1/staff/redemptions/redeem")
    ApiResponse<RedemptionView> redeem(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                       @Valid @RequestBody HandOver request) {
        return ApiResponse.ok(handover.handOver(me, request.code()));
    }
}
