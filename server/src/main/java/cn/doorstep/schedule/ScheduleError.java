package cn.doorstep.schedule;

import cn.doorstep.common.ErrorCode;
import org.springframework.http.HttpStatus;

/** The schedule's refusals: the codes it took from booking (5xxxx) keep their numbers; its own are 51xxx. */
public enum ScheduleError implements ErrorCode {
    SLOT_NOT_FOUND(50001, HttpStatus.NOT_FOUND, "No such slot"),
    SERVICE_NOT_FOUND(50002, HttpStatus.NOT_FOUND, "No such bookable service"),
    ACTIVITY_NOT_FOUND(50003, HttpStatus.NOT_FOUND, "No such activity"),
    SLOT_CLOSED(50007, HttpStatus.CONFLICT, "The slot is closed"),
    SLOT_EXISTS(50021, HttpStatus.CONFLICT, "The service already has a slot starting then"),
    BAD_SCHEDULE(50022, HttpStatus.BAD_REQUEST, "The schedule or times are inconsistent; data.errors names the field"),
    NOT_MANAGER(50024, HttpStatus.FORBIDDEN, "Only the station's staff and its community's admins manage its bookings"),
    RULE_NOT_FOUND(51001, HttpStatus.NOT_FOUND, "No such repeating activity"),
    RULE_ENDED(51002, HttpStatus.CONFLICT, "The repeating activity has ended already");

    private final Spec spec;

    ScheduleError(int code, HttpStatus status, String message) {
        this.spec = new Spec(code, status, message);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
