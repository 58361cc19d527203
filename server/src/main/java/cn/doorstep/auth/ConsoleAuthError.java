package cn.doorstep.auth;

import cn.doorstep.common.ErrorCode;
import org.springframework.http.HttpStatus;

/** The PC console's sign-in, passwords and TOTP (console-auth.md): codes 64000-64099. */
public enum ConsoleAuthError implements ErrorCode {
    BAD_CREDENTIALS(64001, HttpStatus.UNAUTHORIZED, "The login name or password is wrong"),
    LOCKED(64002, HttpStatus.TOO_MANY_REQUESTS, "Five wrong sign-ins in a row: this login name is locked for 15 minutes"),
    TOTP_REQUIRED(64003, HttpStatus.UNAUTHORIZED, "Enter the 6-digit code of your authenticator app (field totp)"),
    TOTP_WRONG(64004, HttpStatus.UNAUTHORIZED, "The authenticator code is wrong, expired or already used"),
    TOTP_ENROLMENT_REQUIRED(64005, HttpStatus.FORBIDDEN, "Your role needs an authenticator: enrol one first "
            + "(POST /api/v1/auth/console/totp/enrol, then /totp/confirm)"),
    TOTP_ALREADY_ENROLLED(64006, HttpStatus.CONFLICT, "An authenticator is already confirmed for this account"),
    TOTP_NOT_PENDING(64007, HttpStatus.CONFLICT, "No authenticator is waiting for confirmation: enrol first"),
    NOT_A_WORKER(64008, HttpStatus.CONFLICT, "Only a worker (staff, admin, grid head, unit admin, department, platform) "
            + "gets a console password; residents and riders sign in with WeChat"),
    LOGIN_NAME_TAKEN(64009, HttpStatus.CONFLICT, "Another worker already has this login name"),
    WRONG_CURRENT_PASSWORD(64010, HttpStatus.FORBIDDEN, "The current password is wrong"),
    NO_CONSOLE_ACCOUNT(64011, HttpStatus.NOT_FOUND, "You have no console login yet: a platform admin sets one"),
    PLATFORM_ONLY(64012, HttpStatus.FORBIDDEN, "Only a platform admin sets a worker's login name and initial password"),
    SAME_PASSWORD(64013, HttpStatus.BAD_REQUEST, "The new password must differ from the current one");

    private final Spec spec;

    ConsoleAuthError(int code, HttpStatus status, String message) {
        this.spec = new Spec(code, status, message);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
