package cn.doorstep.auth;

import cn.doorstep.auth.ConsoleReplies.ConsoleLoginReply;
import cn.doorstep.auth.ConsoleReplies.ConsoleLoginView;
import cn.doorstep.auth.ConsoleReplies.TotpEnrolment;
import cn.doorstep.common.ApiException;
import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.ClientAddress;
import cn.doorstep.common.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Console sign-in",
        description = "The PC console (/console): workers sign in with a login name and password, and an "
                + "authenticator code (TOTP) where their role needs one. See console-auth.md.")
@RestController
class ConsoleAuthController {

    static final String LOGIN_NAME = "[A-Za-z0-9][A-Za-z0-9_.-]{2,31}";
    static final String LOGIN_NAME_RULE = "must be 3-32 letters, digits, _ . or -, starting with a letter or digit";

    private final ConsoleSignIn signIn;
    private final ConsolePasswords passwords;

    ConsoleAuthController(ConsoleSignIn signIn, ConsolePasswords passwords) {
        this.signIn = signIn;
        this.passwords = passwords;
    }

    @Operation(summary = "Sign in to the console with a login name and password (and an authenticator code)",
            description = "Public. Workers only (staff, admins, grid heads, unit admins, departments, platform). "
                    + "PLATFORM and DISTRICT_ADMIN, and anyone who enrolled an authenticator, also send totp (6 "
                    + "digits, RFC 6238). The token is the API's usual bearer token. Refused: 401 64001 wrong login "
                    + "name or password, 64003 totp needed, 64004 totp wrong or already used; 403 64005 enrol an "
                    + "authenticator first, 11001 disabled account; 409 64008 no longer a worker; 429 64002 locked "
                    + "for 15 minutes after 5 wrong answers for this login name, 10429 too many attempts from one network.")
    @SecurityRequirements
    @PostMapping("/api/v1/auth/console/login")
    ApiResponse<ConsoleLoginReply> login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        return ApiResponse.ok(signIn.login(request.loginName(), request.password(), request.totp(), ClientAddress.of(http)));
    }

    @Operation(summary = "Start enrolling an authenticator: a new TOTP secret and its otpauth:// URI",
            description = "Public; the login name and password prove who asks (wrong ones count towards the lock). "
                    + "The secret waits until POST /api/v1/auth/console/totp/confirm receives its first code; enrolling "
                    + "again replaces a secret still waiting. Refused: 401 64001, 409 64006 already enrolled, 429 64002.")
    @SecurityRequirements
    @PostMapping("/api/v1/auth/console/totp/enrol")
    ApiResponse<TotpEnrolment> enrol(@Valid @RequestBody PasswordRequest request, HttpServletRequest http) {
        return ApiResponse.ok(signIn.enrol(request.loginName(), request.password(), ClientAddress.of(http)));
    }

    @Operation(summary = "Confirm the authenticator with its first code, and sign in",
            description = "Public. From now on every sign-in of this login needs a code. Refused: 401 64001, 64004 "
                    + "wrong code; 409 64006 already enrolled, 64007 nothing waiting (enrol first); 429 64002.")
    @SecurityRequirements
    @PostMapping("/api/v1/auth/console/totp/confirm")
    ApiResponse<ConsoleLoginReply> confirm(@Valid @RequestBody ConfirmRequest request, HttpServletRequest http) {
        return ApiResponse.ok(signIn.confirm(request.loginName(), request.password(), request.totp(),
                ClientAddress.of(http)));
    }

    @Operation(summary = "Your console login: its name, whether you must change the password, whether TOTP guards it",
            description = "Any signed-in user. Refused: 404 64011 you have no console login.")
    @GetMapping("/api/v1/auth/console/me")
    ApiResponse<ConsoleLoginView> me(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me) {
        return ApiResponse.ok(passwords.of(me.id()).orElseThrow(() -> new ApiException(ConsoleAuthError.NO_CONSOLE_ACCOUNT)));
    }

    @Operation(summary = "Change your own console password",
            description = "Any signed-in worker with a console login. Refused: 400 64013 same as the current one "
                    + "(or a field broken), 403 64010 current password wrong, 404 64011 no console login, 429 64002 "
                    + "login name locked.")
    @PostMapping("/api/v1/auth/console/password")
    ApiResponse<ConsoleLoginView> changePassword(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                                 @Valid @RequestBody ChangePasswordRequest request) {
        return ApiResponse.ok(passwords.change(me, request.currentPassword(), request.newPassword()));
    }

    @Operation(summary = "Set a worker's console login name and initial password (PLATFORM)",
            description = "Platform admins only; audited (the password never is). The worker must change it at "
                    + "their next sign-in; an enrolled authenticator stays. Refused: 403 64012 not a platform admin; "
                    + "404 12001 no such user; 409 64008 the user holds no worker role (residents and riders never get "
                    + "a password), 64009 login name taken.")
    @PutMapping("/api/v1/admin/users/{id}/console-login")
    ApiResponse<ConsoleLoginView> set(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                      @PathVariable long id, @Valid @RequestBody SetLoginRequest request) {
        return ApiResponse.ok(passwords.set(me, id, request.loginName(), request.password()));
    }

    record LoginRequest(
            @NotNull @Pattern(regexp = LOGIN_NAME, message = LOGIN_NAME_RULE) String loginName,
            @NotBlank @Size(max = 64) String password,
            @Pattern(regexp = "[0-9]{6}", message = "must be 6 digits") @Schema(description = "The authenticator's "
                    + "6-digit code, when the login needs one") String totp) {
    }

    record PasswordRequest(
            @NotNull @Pattern(regexp = LOGIN_NAME, message = LOGIN_NAME_RULE) String loginName,
            @NotBlank @Size(max = 64) String password) {
    }

    record ConfirmRequest(
            @NotNull @Pattern(regexp = LOGIN_NAME, message = LOGIN_NAME_RULE) String loginName,
            @NotBlank @Size(max = 64) String password,
            @NotNull @Pattern(regexp = "[0-9]{6}", message = "must be 6 digits") String totp) {
    }

    /** Passwords: 10-64 characters with a letter and a digit (bcrypt reads at most 72 bytes). */
    static final String PASSWORD = "(?=.*[A-Za-z])(?=.*[0-9])[\\x21-\\x7E]{10,64}";
    static final String PASSWORD_RULE = "must be 10-64 printable ASCII characters with at least one letter and one digit";

    record ChangePasswordRequest(
            @NotBlank @Size(max = 64) String currentPassword,
            @NotNull @Pattern(regexp = PASSWORD, message = PASSWORD_RULE) String newPassword) {
    }

    record SetLoginRequest(
            @NotNull @Pattern(regexp = LOGIN_NAME, message = LOGIN_NAME_RULE) String loginName,
            @NotNull @Pattern(regexp = PASSWORD, message = PASSWORD_RULE) String password) {
    }
}
