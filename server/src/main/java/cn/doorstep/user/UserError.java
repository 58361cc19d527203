package cn.doorstep.user;

import cn.doorstep.common.ErrorCode;
import org.springframework.http.HttpStatus;

public enum UserError implements ErrorCode {
    USER_NOT_FOUND(12001, HttpStatus.NOT_FOUND, "No such user"),
    GRID_NEEDS_COMMUNITY(12002, HttpStatus.BAD_REQUEST, "Choose a community before a grid"),
    NOT_GRID_HEAD_OF(12003, HttpStatus.FORBIDDEN, "You are not a grid head (三长) of this grid");

    private final Spec spec;

    UserError(int code, HttpStatus status, String message) {
        this.spec = new Spec(code, status, message);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
