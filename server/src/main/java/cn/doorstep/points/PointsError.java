package cn.doorstep.points;

import cn.doorstep.common.ErrorCode;
import org.springframework.http.HttpStatus;

public enum PointsError implements ErrorCode {
    INSUFFICIENT_POINTS(30001, HttpStatus.CONFLICT, "Not enough points"),
    MEMBER_CODE_UNKNOWN(30002, HttpStatus.NOT_FOUND, "No volunteer has this member code"),
    NOT_A_MEMBER(30003, HttpStatus.NOT_FOUND, "No such user in your community"),
    ADJUSTMENT_TOO_LARGE(30004, HttpStatus.CONFLICT, "The adjustment would take the balance below zero"),
    STATEMENT_NOT_FOUND(30005, HttpStatus.NOT_FOUND, "No such statement, or it expired or was revoked"),
    BAD_PERIOD(30006, HttpStatus.BAD_REQUEST, "The period is not valid"),
    NOT_EARNING(30007, HttpStatus.BAD_REQUEST, "Rules exist only for the earning kinds"),
    OWN_POINTS(30008, HttpStatus.FORBIDDEN, "You cannot award or adjust your own points: another admin or staff member does");

    private final Spec spec;

    PointsError(int code, HttpStatus status, String message) {
        this.spec = new Spec(code, status, message);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
