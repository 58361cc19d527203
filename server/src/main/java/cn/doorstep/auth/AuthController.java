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

@Tag(name = "Auth",
        description = "Signing in with WeChat (the code of wx.login for a bearer token), binding the phone number, "
                + "signing out. See login.md.")
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    private final LoginService logins;
    private final PhoneBindingService phones;

    AuthController(LoginService logins, PhoneBindingService phones) {
        this.logins = logins;
        this.phones = phones;
    }

    @Operation(summary = "Sign in with the code from wx.login()",
            description = "Public. Trades the one-time code of wx.login() with WeChat for a bearer token (alive 7 "
                    + "days after its last use, 30 days at most), creating the user at their first sign-in. "
                    + "Refused: 401 14001/14002 (call wx.login again), 403 11001 disabled account, 429 after 20 "
                    + "attempts a minute from one network, 503 14003/14005 when WeChat fails (no user is created).")
    @SecurityRequirements
    @PostMapping("/wx-login")
    ApiResponse<LoginReply> wxLogin(@Valid @RequestBody CodeRequest request, HttpServletRequest http) {
        return ApiResponse.ok(logins.wxLogin(request.code(), ClientAddress.of(http)));
    }

    @Operation(summary = "Bind the phone number from a getPhoneNumber button's code",
            description = "Any signed-in user. Sends the getPhoneNumber button's code to WeChat and stores the "
                    + "number once; replies show it masked, and a verified rider who binds another number is "
                    + "reviewed again. Refused: 400 14006 code invalid or expired, 429 after 10 attempts an hour, "
                    + "503 14003 WeChat unavailable.")
    @PostMapping("/phone")
    ApiResponse<UserView> phone(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                @Valid @RequestBody CodeRequest request) {
        return ApiResponse.ok(phones.bind(me.id(), request.code()));
    }

    @Operation(summary = "End this token's session",
            description = "Any signed-in user. Ends the session of the token sent; the user's other devices stay "
                    + "signed in.")
    @PostMapping("/logout")
    ApiResponse<Void> logout(Authentication authentication) {
        logins.logout(((CurrentUser) authentication.getPrincipal()).id(), (String) authentication.getCredentials());
        return ApiResponse.ok(null);
    }

    @Operation(summary = "Sign out everywhere: end every session of the signed-in user",
            description = "Any signed-in user. Ends every session of the user on every device, this one included: "
                    + "clear the stored token and show the sign-in screen.")
    @PostMapping("/logout-all")
    ApiResponse<Void> logoutAll(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me) {
        logins.logoutEverywhere(me.id());
        return ApiResponse.ok(null);
    }

    /** A one-time code from WeChat (wx.login or the getPhoneNumber button). */
    record CodeRequest(@NotBlank @Size(max = 128) String code) {
    }
}
