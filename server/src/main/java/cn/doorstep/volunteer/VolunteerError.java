package cn.doorstep.volunteer;

import cn.doorstep.common.ErrorCode;
import org.springframework.http.HttpStatus;

public enum VolunteerError implements ErrorCode {
    PHONE_REQUIRED(43001, HttpStatus.CONFLICT, "Bind your phone number, or give a contact phone, to apply"),
    APPLICATION_PENDING(43002, HttpStatus.CONFLICT, "Your application to this community is waiting for review"),
    ALREADY_VOLUNTEER(43003, HttpStatus.CONFLICT, "You are a volunteer of this community already"),
    APPLICATION_NOT_FOUND(43004, HttpStatus.NOT_FOUND, "No such application in your communities"),
    ALREADY_DECIDED(43005, HttpStatus.CONFLICT, "This application was decided already; data.status says how"),
    OWN_APPLICATION(43006, HttpStatus.FORBIDDEN, "You cannot decide your own application"),
    NOT_A_VOLUNTEER(43007, HttpStatus.NOT_FOUND, "You are not a volunteer of this community"),
    VOLUNTEER_NOT_FOUND(43008, HttpStatus.NOT_FOUND, "No such volunteer in your communities");

    private final Spec spec;

    VolunteerError(int code, HttpStatus status, String message) {
        this.spec = new Spec(code, status, message);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
