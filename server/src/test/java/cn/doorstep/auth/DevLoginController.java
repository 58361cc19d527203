package cn.doorstep.auth;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.ClientAddress;
import cn.doorstep.common.Role;
import cn.doorstep.user.UserService;
import cn.doorstep.user.UserService.SignIn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Try the API without a WeChat appid. It lives in test sources, so the packaged jar cannot hold it
 * (PackagedJarIT checks); the README's run command and the tests put it on the classpath, and even
 * there it exists only in the {@code local} profile. {@link DevLoginSecurity} opens its path.
 */
@Profile("local")
@Tag(name = "Auth")
@RestController
@RequestMapping("/api/v1/auth")
class DevLoginController {

    private final LoginService logins;
    private final UserService users;
    private final RoleService roles;
    private final long defaultStationId;
    private final long defaultCommunityId;

    DevLoginController(LoginService logins, UserService users, RoleService roles,
                       @Value("${doorstep.auth.dev-station-id:1}") long defaultStationId,
                       @Value("${doorstep.auth.dev-community-id:1}") long defaultCommunityId) {
        this.logins = logins;
        this.users = users;
        this.roles = roles;
        this.defaultStationId = defaultStationId;
        this.defaultCommunityId = defaultCommunityId;
    }

    @Operation(summary = "LOCAL PROFILE ONLY: sign in as any handle with any role",
            description = "Exists only when the server runs with the local profile; the production jar does not "
                    + "contain it. Signs in without WeChat: each handle is its own user, granted the role asked for "
                    + "(STAFF, ADMIN, VOLUNTEER, GRID_HEAD, UNIT_ADMIN, STREET_ADMIN, DISTRICT_ADMIN and DEPARTMENT scoped to scopeId or a demo "
                    + "default). Limited per "
                    + "address like the WeChat login (429).")
    @SecurityRequirements
    @PostMapping("/dev-login")
    ApiResponse<LoginReply> devLogin(@Valid @RequestBody DevLoginRequest request, HttpServletRequest http) {
        logins.limitAttempts(ClientAddress.of(http));
        SignIn signIn = users.findOrCreateByOpenid("dev:" + request.handle(), null);
        if (request.role() != Role.RESIDENT) {
            long scope = switch (request.role()) {
                case STAFF -> request.scopeId() != null ? request.scopeId() : defaultStationId;
                case ADMIN, VOLUNTEER -> request.scopeId() != null ? request.scopeId() : defaultCommunityId;
                case GRID_HEAD, UNIT_ADMIN -> request.scopeId() != null ? request.scopeId() : 1; // demo grid 1, unit 1
                // demo street 1 (延安街道: communities 1-3), district 1 (昌邑区)
                case STREET_ADMIN, DISTRICT_ADMIN -> request.scopeId() != null ? request.scopeId() : 1;
                // demo department 1 (see DemoReports)
                case DEPARTMENT -> request.scopeId() != null ? request.scopeId() : 1;
                default -> 0;
            };
            roles.grant(signIn.user().id(), request.role(), scope);
        }
        return ApiResponse.ok(logins.signIn(signIn));
    }

    record DevLoginRequest(
            @NotNull Role role,
            @NotNull @Pattern(regexp = "[A-Za-z0-9_-]{1,32}", message = "must be 1-32 letters, digits, _ or -")
            @Schema(description = "Each distinct handle is its own user") String handle,
            @Positive @Schema(description = "STAFF: station id; ADMIN, VOLUNTEER: community id; GRID_HEAD: grid id; UNIT_ADMIN: unit id; "
                    + "STREET_ADMIN: street id; DISTRICT_ADMIN: district id; DEPARTMENT: department id; "
                    + "defaults to the demo ones")
            Long scopeId) {
    }
}
