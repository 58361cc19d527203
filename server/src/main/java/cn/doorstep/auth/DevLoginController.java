package cn.doorstep.auth;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Try the API without a WeChat appid. Exists only in the {@code local} profile: under any other
 * profile this bean is never created and the path answers 404.
 */
@Profile("local")
@Tag(name = "Auth")
@RestController
@RequestMapping("/api/v1/auth")
class DevLoginController {

    private final LoginService logins;

    DevLoginController(LoginService logins) {
        this.logins = logins;
    }

    @Operation(summary = "LOCAL PROFILE ONLY: sign in as any handle with any role")
    @SecurityRequirements
    @PostMapping("/dev-login")
    ApiResponse<LoginReply> devLogin(@Valid @RequestBody DevLoginRequest request, HttpServletRequest http) {
        return ApiResponse.ok(logins.devLogin(request.handle(), request.role(), request.scopeId(), http.getRemoteAddr()));
    }

    record DevLoginRequest(
            @NotNull Role role,
            @NotNull @Pattern(regexp = "[A-Za-z0-9_-]{1,32}", message = "must be 1-32 letters, digits, _ or -")
            @Schema(description = "Each distinct handle is its own user") String handle,
            @Positive @Schema(description = "STAFF: station id; ADMIN: community id; defaults to the demo ones")
            Long scopeId) {
    }
}
