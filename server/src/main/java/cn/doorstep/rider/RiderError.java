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
    ALREADY_REVIEWED(21007, HttpStatus.CONFLICT, "This registration was already reviewed"),
    CHECKIN_CODE_EXPIRED(21008, HttpStatus.CONFLICT, "This check-in code has expired; scan the code the station shows now"),
    TOO_FAR_FROM_STATION(21009, HttpStatus.FORBIDDEN, "You are too far from this station to check in"),
    REGISTRATION_CHANGED(21010, HttpStatus.CONFLICT, "The registration changed since you read it; reload it and review again"),
    OWN_REGISTRATION(21011, HttpStatus.FORBIDDEN, "You cannot review your own registration");

    private final Spec spec;

    RiderError(int code, HttpStatus status, String message) {
        this.spec = new Spec(code, status, message);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
