package cn.doorstep.rider;

import cn.doorstep.common.ErrorCode;
import org.springframework.http.HttpStatus;

public enum RiderError implements ErrorCode {
    PHONE_REQUIRED(21001, HttpStatus.CONFLICT, "Bind your phone number before registering as a rider"),
    ALREADY_VERIFIED(21002, HttpStatus.CONFLICT, "You are already a verified rider"),
    NOT_REGISTERED(21003, HttpStatus.NOT_FOUND, "You have not registered as a rider"),
    NOT_VERIFIED(21004, HttpStatus.FORBIDDEN, "Your rider registration is not verified yet"),
    STATION_CODE_UNKNOWN(21005, HttpStatus.NOT_FOUND, "This code belongs to no open warm station"),
    RIDER_NOT_FOUND(21006, HttpStatus.NOT_FOUND, "No such rider in your communities"),
    ALREADY_REVIEWED(21007, HttpStatus.CONFLICT, "This registration was already reviewed");

    private final Spec spec;

    RiderError(int code, HttpStatus status, String message) {
        this.spec = new Spec(code, status, message);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
