package cn.doorstep.people;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.common.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "People and roles (admin)",
        description = "Admins find the people of their scope and grant or revoke the roles below their own. "
                + "See accounts-admin.md.")
@Validated
@RestController
@RequestMapping("/api/v1/admin/users")
class PeopleController {

    private final PeopleSearch search;
    private final RoleGrants grants;

    PeopleController(PeopleSearch search, RoleGrants grants) {
        this.search = search;
        this.grants = grants;
    }

    @Operation(summary = "Find the people of your communities (admin)",
            description = "Community, street and district admins: the users of the communities they administer; "
                    + "platform admins: everyone. With q of four digits, those whose phone ends in it; with another q, "
                    + "those whose nickname contains it; and either way those whose name as registered (a verified "
                    + "rider, a confirmed 双报到) contains it or whose member code it is. Without q, everyone in "
                    + "scope. Newest first, paged; phones masked, roles as granted. Refused: 400 10001 q longer than "
                    + "32 characters or a page too deep.")
    @GetMapping
    ApiResponse<PageResult<PersonView>> find(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                             @RequestParam(required = false) @Size(max = 32) String q,
                                             @Valid @ParameterObject PageQuery page) {
        return ApiResponse.ok(search.search(me, q, page));
    }

    @Operation(summary = "A user's roles (admin)",
            description = "The roles the user holds as granted, by role then scope. Refused: 404 12001 no such "
                    + "user or one outside your communities.")
    @GetMapping("/{id}/roles")
    ApiResponse<UserRoles> roles(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                 @PathVariable long id) {
        return ApiResponse.ok(grants.of(me, id));
    }

    @Operation(summary = "Grant a role below your own (admin)",
            description = "Platform admins grant DISTRICT_ADMIN (scope: district), STREET_ADMIN (street) and ADMIN "
                    + "(community) anywhere; district admins STREET_ADMIN and ADMIN in their district; street admins "
                    + "ADMIN in their street; every admin STAFF (station), GRID_HEAD (grid) and VOLUNTEER (community) "
                    + "in the communities they administer. Idempotent; audited; holds from the holder's next request. "
                    + "Answers the user's roles. Refused: 400 10001 a missing field, 11004 a role not granted here "
                    + "(RESIDENT, RIDER, UNIT_ADMIN, PLATFORM), 13004 a scopeId that names nothing of the role's kind; "
                    + "403 11005 a role at or above your own, 11006 a scope outside yours; 404 12001 no such user or "
                    + "one outside your communities.")
    @PostMapping("/{id}/roles")
    ApiResponse<UserRoles> grant(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                 @PathVariable long id, @Valid @RequestBody RoleRequest request) {
        return ApiResponse.ok(grants.grant(me, id, request.role(), request.scopeId()));
    }

    @Operation(summary = "Revoke a role below your own (admin)",
            description = "The same roles and scopes as granting. Audited; holds from the holder's next request. "
                    + "Answers the user's roles. Refused: 400 10001 a missing field, 11004 a role not granted here, "
                    + "13004 a scopeId that names nothing of the role's kind; 403 11005 a role at or above your own, "
                    + "11006 a scope outside yours; 404 12001 no such user or one outside your communities, 11007 the "
                    + "user does not hold the role there.")
    @PostMapping("/{id}/roles/revoke")
    ApiResponse<UserRoles> revoke(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                  @PathVariable long id, @Valid @RequestBody RoleRequest request) {
        return ApiResponse.ok(grants.revoke(me, id, request.role(), request.scopeId()));
    }

    record RoleRequest(
            @NotNull @Schema(description = "ADMIN, STREET_ADMIN, DISTRICT_ADMIN, STAFF, GRID_HEAD or VOLUNTEER") Role role,
            @NotNull @PositiveOrZero @Schema(description = "district, street or community id for the admins; station id "
                    + "for STAFF; grid id for GRID_HEAD; community id for VOLUNTEER") Long scopeId) {
    }
}
