package cn.doorstep.auth;

import cn.doorstep.common.ErrorCode;
import org.springframework.http.HttpStatus;

public enum AuthError implements ErrorCode {
    ACCOUNT_DISABLED(11001, HttpStatus.FORBIDDEN, "This account has been disabled by an administrator"),
    CANNOT_DISABLE_SELF(11002, HttpStatus.FORBIDDEN, "You cannot disable your own account"),
    ADMIN_ACCOUNT(11003, HttpStatus.FORBIDDEN, "Only a platform admin disables or enables the account of an admin or platform admin");

    private final Spec spec;

    AuthError(int code, HttpStatus status, String message) {
        this.spec = new Spec(code, status, message);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
