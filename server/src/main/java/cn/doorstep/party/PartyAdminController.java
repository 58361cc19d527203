package cn.doorstep.party;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.party.PartyViews.PartyConfirmRequest;
import cn.doorstep.party.PartyViews.PartyRegistrationView;
import cn.doorstep.party.PartyViews.PartyRejectRequest;
import cn.doorstep.party.PartyViews.PartyUnitCommunities;
import cn.doorstep.party.PartyViews.PartyUnitRequest;
import cn.doorstep.party.PartyViews.PartyUnitView;
import cn.doorstep.party.PartyViews.UnitAdminRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Community admins confirm registrations; the city-level admin keeps the units. */
@Tag(name = "Party members (admin)",
        description = "Community admins confirm party members' registrations; the platform admin keeps the units "
                + "and their admins. See party.md.")
@RestController
@RequestMapping("/api/v1/admin/party")
class PartyAdminController {

    private final PartyUnits units;
    private final PartyRegistrations registrations;

    PartyAdminController(PartyUnits units, PartyRegistrations registrations) {
        this.units = units;
        this.registrations = registrations;
    }

    @Operation(summary = "Registrations with your communities, e.g. status=PENDING (admin)",
            description = "Community admins. The registrations with the communities they administer, optionally of "
                    + "one status; PENDING is the work list.")
    @GetMapping("/registrations")
    ApiResponse<PageResult<PartyRegistrationView>> partyRegistrations(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                                        @RequestParam(required = false) RegistrationStatus status,
                                                        @Valid @ParameterObject PageQuery page) {
        return ApiResponse.ok(registrations.forReview(me, status, page));
    }

    @Operation(summary = "Confirm a pending registration (the version you read): the member may claim wishes (admin)",
            description = "Community admins of the registration's community. Send the version from the list; decided "
                    + "once; audited. Refused: 400 version missing; 403 42007 your own; 404 42005 not in your "
                    + "communities; 409 42006 decided already; 409 42010 resubmitted since you read it.")
    @PostMapping("/registrations/{id}/confirm")
    ApiResponse<PartyRegistrationView> confirmPartyRegistration(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                               @PathVariable long id, @Valid @RequestBody PartyConfirmRequest request) {
        return ApiResponse.ok(registrations.confirm(me, id, request.version()));
    }

    @Operation(summary = "Reject a pending registration (the version you read) with a reason (admin)",
            description = "Community admins of the registration's community. Send the version from the list; the "
                    + "member reads the reason and may register again; decided once; audited. Refused: 403 42007 "
                    + "your own; 404 42005; 409 42006 decided already; 409 42010 resubmitted since you read it.")
    @PostMapping("/registrations/{id}/reject")
    ApiResponse<PartyRegistrationView> rejectPartyRegistration(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                              @PathVariable long id, @Valid @RequestBody PartyRejectRequest request) {
        return ApiResponse.ok(registrations.reject(me, id, request.version(), request.reason()));
    }

    @Operation(summary = "Create a unit and the communities it 包联 (PLATFORM)",
            description = "The platform admin only. A unit (机关企事业单位) with a unique name; audited. Refused: 403 "
                    + "42008 not the platform admin; 400 13002 unknown community; 409 42009 name taken.")
    @PostMapping("/units")
    ApiResponse<PartyUnitView> createPartyUnit(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                      @Valid @RequestBody PartyUnitRequest request) {
        return ApiResponse.ok(units.create(me, request.name(), request.communityIds()));
    }

    @Operation(summary = "Replace the communities a unit 包联 (PLATFORM)",
            description = "The platform admin only. The list sent replaces the old one; audited. Refused: 403 "
                    + "42008; 400 13002 unknown community; 404 42002 no such unit.")
    @PutMapping("/units/{id}/communities")
    ApiResponse<PartyUnitView> relinkPartyUnit(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                      @PathVariable long id, @Valid @RequestBody PartyUnitCommunities request) {
        return ApiResponse.ok(units.relink(me, id, request.communityIds()));
    }

    @Operation(summary = "Make a user an admin of a unit, who sees its members' service (PLATFORM)",
            description = "The platform admin only. Grants the user UNIT_ADMIN for the unit; audited. Refused: 403 "
                    + "42008; 400 10000 unknown user; 404 42002 no such unit.")
    @PostMapping("/units/{id}/admins")
    ApiResponse<Void> grantUnitAdmin(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                 @PathVariable long id, @Valid @RequestBody UnitAdminRequest request) {
        units.grantAdmin(me, id, request.userId());
        return ApiResponse.ok(null);
    }
}
