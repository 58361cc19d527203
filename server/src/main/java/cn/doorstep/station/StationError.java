package cn.doorstep.station;

import cn.doorstep.common.ErrorCode;
import org.springframework.http.HttpStatus;

public enum StationError implements ErrorCode {
    STATION_NOT_FOUND(20001, HttpStatus.NOT_FOUND, "No such station"),
    NOT_YOUR_STATION(20002, HttpStatus.FORBIDDEN, "You are not staff of this station"),
    NOT_YOUR_COMMUNITY(20003, HttpStatus.FORBIDDEN, "You are not an admin of this station's community"),
    BAD_HOURS(20004, HttpStatus.BAD_REQUEST, "The opening hours are inconsistent"),
    UNKNOWN_AMENITY(20005, HttpStatus.BAD_REQUEST, "Unknown amenity"),
    SERVICE_LEVEL_REQUIRED(20006, HttpStatus.BAD_REQUEST, "A service station needs its level"),
    STATION_NOT_ACTIVE(20007, HttpStatus.CONFLICT, "The station is closed or deleted"),
    CHECKIN_CODE_UNKNOWN(20008, HttpStatus.NOT_FOUND, "No warm station has this code");

    private final Spec spec;

    StationError(int code, HttpStatus status, String message) {
        this.spec = new Spec(code, status, message);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
