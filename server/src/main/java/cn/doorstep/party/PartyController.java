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

@Tag(name = "Party members (双报到)",
        description = "In-service party members register with their home community and name their unit; once "
                + "confirmed they claim wishes. See party.md.")
@RestController
@RequestMapping("/api/v1/party")
class PartyController {

    private final PartyUnits units;
    private final PartyRegistrations registrations;

    PartyController(PartyUnits units, PartyRegistrations registrations) {
        this.units = units;
        this.registrations = registrations;
    }

    @Operation(summary = "Units (机关企事业单位): those that 包联 a community, or all",
            description = "Any signed-in user. With communityId the units paired with (包联) that community, without "
                    + "it every unit, for the \"my unit\" picker.")
    @GetMapping("/units")
    ApiResponse<PageResult<PartyUnitView>> partyUnits(@RequestParam(required = false) @Positive Long communityId,
                                                      @Valid @ParameterObject PageQuery page) {
        return ApiResponse.ok(units.list(communityId, page));
    }

    @Operation(summary = "Register (or correct a registration) as an in-service party member with your home community",
            description = "Any signed-in user. Names the unit they work at; a pending or rejected registration may "
                    + "be corrected and sent again, and it waits for the community's admin. Refused: 400 13002 "
                    + "unknown community, 42001 unknown unit; 409 42003 already confirmed.")
    @PostMapping("/registrations")
    ApiResponse<PartyRegistrationView> registerPartyMember(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                                @Valid @RequestBody PartyRegistrationRequest request) {
        return ApiResponse.ok(registrations.register(me, request));
    }

    @Operation(summary = "Your registration and its status",
            description = "Any signed-in user. Status PENDING, CONFIRMED or REJECTED with the reason. Refused: 404 "
                    + "42004 not registered.")
    @GetMapping("/registrations/mine")
    ApiResponse<PartyRegistrationView> myPartyRegistration(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me) {
        return ApiResponse.ok(registrations.mine(me));
    }
}
