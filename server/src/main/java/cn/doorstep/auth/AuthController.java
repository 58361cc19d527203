package cn.doorstep.auth;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.ClientAddress;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.user.UserView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Auth")
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    private final LoginService logins;
    private final PhoneBindingService phones;

    AuthController(LoginService logins, PhoneBindingService phones) {
        this.logins = logins;
        this.phones = phones;
    }

    @Operation(summary = "Sign in with the code from wx.login()")
    @SecurityRequirements
    @PostMapping("/wx-login")
    ApiResponse<LoginReply> wxLogin(@Valid @RequestBody CodeRequest request, HttpServletRequest http) {
        return ApiResponse.ok(logins.wxLogin(request.code(), ClientAddress.of(http)));
    }

    @Operation(summary = "Bind the phone number from a getPhoneNumber button's code")
    @PostMapping("/phone")
    ApiResponse<UserView> phone(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                @Valid @RequestBody CodeRequest request) {
        return ApiResponse.ok(phones.bind(me.id(), request.code()));
    }

    @Operation(summary = "End this token's session")
    @PostMapping("/logout")
    ApiResponse<Void> logout(Authentication authentication) {
        logins.logout(((CurrentUser) authentication.getPrincipal()).id(), (String) authentication.getCredentials());
        return ApiResponse.ok(null);
    }

    @Operation(summary = "Sign out everywhere: end every session of the signed-in user")
    @PostMapping("/logout-all")
    ApiResponse<Void> logoutAll(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me) {
        logins.logoutEverywhere(me.id());
        return ApiResponse.ok(null);
    }

    /** A one-time code from WeChat (wx.login or the getPhoneNumber button). */
    record CodeRequest(@NotBlank @Size(max = 128) String code) {
    }
}
