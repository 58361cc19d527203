package cn.doorstep.party;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.party.PartyViews.PartyRegistrationRequest;
import cn.doorstep.party.PartyViews.PartyRegistrationView;
import cn.doorstep.party.PartyViews.PartyUnitView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Party members (双报到)")
@RestController
@RequestMapping("/api/v1/party")
class PartyController {

    private final PartyUnits units;
    private final PartyRegistrations registrations;

    PartyController(PartyUnits units, PartyRegistrations registrations) {
        this.units = units;
        this.registrations = registrations;
    }

    @Operation(summary = "Units (机关企事业单位): those that 包联 a community, or all")
    @GetMapping("/units")
    ApiResponse<PageResult<PartyUnitView>> partyUnits(@RequestParam(required = false) @Positive Long communityId,
                                                      @Valid @ParameterObject PageQuery page) {
        return ApiResponse.ok(units.list(communityId, page));
    }

    @Operation(summary = "Register (or correct a registration) as an in-service party member with your home community")
    @PostMapping("/registrations")
    ApiResponse<PartyRegistrationView> registerPartyMember(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                                @Valid @RequestBody PartyRegistrationRequest request) {
        return ApiResponse.ok(registrations.register(me, request));
    }

    @Operation(summary = "Your registration and its status")
    @GetMapping("/registrations/mine")
    ApiResponse<PartyRegistrationView> myPartyRegistration(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me) {
        return ApiResponse.ok(registrations.mine(me));
    }
}
