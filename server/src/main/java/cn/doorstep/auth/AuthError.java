package cn.doorstep.auth;

import cn.doorstep.common.ErrorCode;
import org.springframework.http.HttpStatus;

public enum AuthError implements ErrorCode {
    ACCOUNT_DISABLED(11001, HttpStatus.FORBIDDEN, "This account has been disabled by an administrator"),
    CANNOT_DISABLE_SELF(11002, HttpStatus.FORBIDDEN, "You cannot disable your own account"),
    ADMIN_ACCOUNT(11003, HttpStatus.FORBIDDEN, "Only a platform admin disables or enables the account of an admin or platform admin"),
    ROLE_NOT_GRANTABLE(11004, HttpStatus.BAD_REQUEST, "This role is not granted here: RESIDENT is everyone's, RIDER comes with a "
            + "verified registration, UNIT_ADMIN with a party unit, PLATFORM from the operator's start-up setting"),
    ROLE_ABOVE_YOURS(11005, HttpStatus.FORBIDDEN, "You may grant and revoke only roles below your own"),
    SCOPE_NOT_YOURS(11006, HttpStatus.FORBIDDEN, "That community, station, grid, street or district is outside your scope"),
    GRANT_NOT_HELD(11007, HttpStatus.NOT_FOUND, "The user does not hold this role there");

    private final Spec spec;

    AuthError(int code, HttpStatus status, String message) {
        this.spec = new Spec(code, status, message);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
