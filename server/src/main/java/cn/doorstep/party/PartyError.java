package cn.doorstep.party;

import cn.doorstep.common.ErrorCode;
import org.springframework.http.HttpStatus;

public enum PartyError implements ErrorCode {
    UNKNOWN_UNIT(42001, HttpStatus.BAD_REQUEST, "The unitId given does not exist"),
    UNIT_NOT_FOUND(42002, HttpStatus.NOT_FOUND, "No such unit (among yours)"),
    ALREADY_CONFIRMED(42003, HttpStatus.CONFLICT, "Your registration is confirmed already"),
    NOT_REGISTERED(42004, HttpStatus.NOT_FOUND, "You have not registered as a party member"),
    REGISTRATION_NOT_FOUND(42005, HttpStatus.NOT_FOUND, "No such registration in your communities"),
    ALREADY_REVIEWED(42006, HttpStatus.CONFLICT, "This registration was already confirmed or rejected"),
    OWN_REGISTRATION(42007, HttpStatus.FORBIDDEN, "You cannot review your own registration"),
    PLATFORM_ONLY(42008, HttpStatus.FORBIDDEN, "Only the city-level (PLATFORM) admin manages units"),
    UNIT_NAME_TAKEN(42009, HttpStatus.CONFLICT, "A unit with this name exists already"),
    REGISTRATION_CHANGED(42010, HttpStatus.CONFLICT, "The registration was sent again since you read it; reload it and review again");

    private final Spec spec;

    PartyError(int code, HttpStatus status, String message) {
        this.spec = new Spec(code, status, message);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
