package cn.doorstep.reward.lists;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.reward.RedemptionStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Redemptions (staff)")
@RestController
@Validated
class PickupsController {

    private final RedemptionLists lists;

    PickupsController(RedemptionLists lists) {
        this.lists = lists;
    }

    @Operation(summary = "Pickups waiting at your station (or its redemptions of another status), soonest deadline first",
            description = "Staff of the station. Its redemptions of the status asked (PENDING, waiting to be picked "
                    + "up, by default), the one whose collection deadline comes first at the top, with the holder's "
                    + "nickname and masked phone, never the code. Refused: 400 10000 stationId missing; 403 31008 "
                    + "staff of another station.")
    @GetMapping("/api/v1/staff/redemptions")
    ApiResponse<PageResult<RedemptionLine>> pickups(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                                    @RequestParam @Positive long stationId,
                                                    @RequestParam(required = false) RedemptionStatus status,
                                                    @Valid @ParameterObject PageQuery page) {
        return ApiResponse.ok(lists.atStation(me, stationId, status, page));
    }
}
