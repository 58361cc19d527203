package cn.doorstep.points;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.IdempotentRequests;
import cn.doorstep.common.PlainText;
import cn.doorstep.points.VolunteerServiceAwards.AwardReceipt;
import cn.doorstep.points.VolunteerServiceAwards.ServiceAward;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Points (staff)",
        description = "Station staff confirm a volunteer's service by their member code, which earns points. See "
                + "points.md.")
@RestController
class PointsStaffController {

    private final VolunteerServiceAwards awards;
    private final IdempotentRequests idempotent;

    PointsStaffController(VolunteerServiceAwards awards, IdempotentRequests idempotent) {
        this.awards = awards;
        this.idempotent = idempotent;
    }

    @Operation(summary = "Confirm a volunteer's service at your station: scan their member code, give the activity and hours",
            description = "Staff of the station named. Credits the volunteer behind the scanned member code for the "
                    + "hours (0.5-12) by the community's VOLUNTEER_SERVICE rule and its caps, once per "
                    + "Idempotency-Key (required). Refused: 403 20002 not your station, 30008 your own member "
                    + "code; 404 30002 unknown member code; 422 10422 the key was used for another award.")
    @PostMapping("/api/v1/staff/points/awards")
    ApiResponse<AwardReceipt> award(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                    @Parameter(description = "8-64 characters, new for each confirmation")
                                    @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key,
                                    @Valid @RequestBody AwardRequest request) {
        var award = new ServiceAward(request.memberCode(), request.stationId(), request.activity(), request.hours());
        return ApiResponse.ok(idempotent.once(me.id(), key, "points.award", award, AwardReceipt.class,
                () -> awards.award(me, award, key)));
    }

    record AwardRequest(
            @NotBlank @Size(max = 16) @Schema(description = "from the volunteer's GET /me") String memberCode,
            @NotNull @Positive Long stationId,
            @NotBlank @Size(max = 64) @PlainText @Schema(description = "what they did, e.g. 暖新大集志愿服务") String activity,
            @NotNull @DecimalMin("0.5") @DecimalMax("12") @Digits(integer = 2, fraction = 1)
            @Schema(description = "hours served, in halves of an hour or tenths") BigDecimal hours) {
    }
}
