package cn.doorstep.deliberation;

import cn.doorstep.common.ErrorCode;
import org.springframework.http.HttpStatus;

public enum DeliberationError implements ErrorCode {
    TOPIC_NOT_FOUND(61001, HttpStatus.NOT_FOUND, "No such topic in your community"),
    NOT_RESIDENT(61002, HttpStatus.FORBIDDEN, "Only residents of this community (or its admins) see and propose its topics"),
    NOT_COMMUNITY_ADMIN(61003, HttpStatus.FORBIDDEN, "Only this community's admins do this"),
    TOPIC_CHANGED(61004, HttpStatus.CONFLICT, "The topic is not in a state that allows this (decided already?); data.status says where it is"),
    ALREADY_SUPPORTED(61005, HttpStatus.CONFLICT, "You support this topic already"),
    OWN_TOPIC(61006, HttpStatus.CONFLICT, "You proposed this topic; others second it"),
    BAD_SOURCE(61007, HttpStatus.BAD_REQUEST, "The source is not a wish of this community, or sourceId does not fit sourceType"),
    STATION_NOT_IN_COMMUNITY(61008, HttpStatus.BAD_REQUEST, "The station is not a station of the topic's community"),
    MEETING_NOT_FOUND(61009, HttpStatus.NOT_FOUND, "No such meeting in your communities"),
    MINUTES_RECORDED(61010, HttpStatus.CONFLICT, "The minutes of this meeting are recorded already"),
    MEETING_NOT_STARTED(61011, HttpStatus.CONFLICT, "The meeting has not started yet: record its minutes after it"),
    BAD_TASK_OWNER(61012, HttpStatus.BAD_REQUEST, "A task needs exactly one owner: ownerUserId of a known user, or ownerName"),
    TASK_NOT_FOUND(61013, HttpStatus.NOT_FOUND, "No such task of yours or of your communities"),
    TASK_DONE(61014, HttpStatus.CONFLICT, "The task is done already");

    private final Spec spec;

    DeliberationError(int code, HttpStatus status, String message) {
        this.spec = new Spec(code, status, message);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
