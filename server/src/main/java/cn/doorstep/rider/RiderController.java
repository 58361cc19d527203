package cn.doorstep.rider;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Riders",
        description = "Riders and couriers: registration with a home community, status and community pass, "
                + "check-ins at warm stations. See riders.md.")
@RestController
@RequestMapping("/api/v1/riders")
class RiderController {

    private final RiderService riders;
    private final CheckinService checkins;

    RiderController(RiderService riders, CheckinService checkins) {
        this.riders = riders;
        this.checkins = checkins;
    }

    @Operation(summary = "Register (or correct a registration) as a rider of a community",
            description = "Any signed-in user with a bound phone. Registers as a rider of a home community, or "
                    + "corrects a PENDING or REJECTED registration; it then waits for review. Refused: 409 21001 no "
                    + "phone bound, 21002 already verified; 400 13002 unknown community.")
    @PostMapping("/registration")
    ApiResponse<RiderView> register(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                    @Valid @RequestBody RegistrationRequest request) {
        return ApiResponse.ok(riders.register(me, request));
    }

    @Operation(summary = "Your rider registration, its status and pass number",
            description = "Any signed-in user. Their rider registration with its status, the reject reason and, "
                    + "once verified, the community pass number (passNo) to show. Refused: 404 21003 not "
                    + "registered.")
    @GetMapping("/me")
    ApiResponse<RiderView> me(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me) {
        return ApiResponse.ok(riders.mine(me));
    }

    @Operation(summary = "Check in at a warm station with the code scanned from its QR",
            description = "Verified riders. Checks in at the warm station whose current QR code was scanned, "
                    + "optionally with their GCJ-02 position (checked to be within 500 m, never stored); one "
                    + "check-in per station and China day counts for points. Refused: 403 21004 not verified, 21009 "
                    + "too far; 404 21005 unknown code; 409 21008 expired code; 429 over 20 scans a minute.")
    @PostMapping("/check-ins")
    ApiResponse<CheckinView> checkIn(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                     @Valid @RequestBody CheckinRequest request) {
        return ApiResponse.ok(checkins.checkIn(me, request));
    }

    @Operation(summary = "Your check-ins, newest first",
            description = "Verified riders. Pages through their own check-ins, newest first. Refused: 403 21004 not "
                    + "verified, 404 21003 not registered.")
    @GetMapping("/check-ins")
    ApiResponse<PageResult<CheckinView>> checkIns(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                                  @Valid @ParameterObject PageQuery page) {
        return ApiResponse.ok(checkins.mine(me, page));
    }

}
