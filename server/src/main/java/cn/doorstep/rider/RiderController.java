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

@Tag(name = "Riders")
@RestController
@RequestMapping("/api/v1/riders")
class RiderController {

    private final RiderService riders;
    private final CheckinService checkins;

    RiderController(RiderService riders, CheckinService checkins) {
        this.riders = riders;
        this.checkins = checkins;
    }

    @Operation(summary = "Register (or correct a registration) as a rider of a community")
    @PostMapping("/registration")
    ApiResponse<RiderView> register(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                    @Valid @RequestBody RegistrationRequest request) {
        return ApiResponse.ok(riders.register(me, request));
    }

    @Operation(summary = "Your rider registration, its status and pass number")
    @GetMapping("/me")
    ApiResponse<RiderView> me(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me) {
        return ApiResponse.ok(riders.mine(me));
    }

    @Operation(summary = "Check in at a warm station with the code scanned from its QR")
    @PostMapping("/check-ins")
    ApiResponse<CheckinView> checkIn(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                     @Valid @RequestBody CheckinRequest request) {
        return ApiResponse.ok(checkins.checkIn(me, request));
    }

    @Operation(summary = "Your check-ins, newest first")
    @GetMapping("/check-ins")
    ApiResponse<PageResult<CheckinView>> checkIns(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                                  @Valid @ParameterObject PageQuery page) {
        return ApiResponse.ok(checkins.mine(me, page));
    }

}
