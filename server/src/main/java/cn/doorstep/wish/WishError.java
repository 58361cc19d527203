package cn.doorstep.wish;

import cn.doorstep.common.ErrorCode;
import org.springframework.http.HttpStatus;

public enum WishError implements ErrorCode {
    CONTENT_RISKY(40001, HttpStatus.UNPROCESSABLE_ENTITY, "WeChat's content check found the title or text unsuitable; change it and post again"),
    WISH_NOT_FOUND(40002, HttpStatus.NOT_FOUND, "No such wish"),
    WRONG_STATE(40003, HttpStatus.CONFLICT, "The wish's current state does not allow this; data.status names it"),
    ALREADY_TAKEN(40004, HttpStatus.CONFLICT, "Someone else claimed this wish first (or it was dispatched); data.status names its state"),
    CLAIM_LIMIT(40005, HttpStatus.CONFLICT, "You hold as many open claims as allowed; fulfil or release one first (data.limit)"),
    NOT_A_VOLUNTEER(40006, HttpStatus.FORBIDDEN, "Only the volunteers of the wish's community and confirmed party members (双报到) claim it"),
    OWN_WISH(40007, HttpStatus.FORBIDDEN, "You cannot claim or be dispatched your own wish"),
    NOT_THE_POSTER(40008, HttpStatus.FORBIDDEN, "Only the wish's poster may do this"),
    NOT_THE_CLAIMER(40009, HttpStatus.FORBIDDEN, "Only the volunteer who claimed the wish may do this"),
    CONTACT_HIDDEN(40010, HttpStatus.FORBIDDEN, "Contact details are shown only to the poster and the current claimer"),
    NOT_DISPATCHED_TO_YOU(40011, HttpStatus.FORBIDDEN, "This wish was not dispatched to you"),
    NOT_COMMUNITY_ADMIN(40012, HttpStatus.FORBIDDEN, "You are not an admin of this community"),
    NOT_GRID_HEAD(40013, HttpStatus.FORBIDDEN, "You are not a grid head (三长) of this grid"),
    NOT_ELIGIBLE_VOLUNTEER(40014, HttpStatus.BAD_REQUEST, "The user named is neither a volunteer of the wish's community nor a confirmed party member"),
    NOTE_REQUIRED(40015, HttpStatus.BAD_REQUEST, "Confirming for a resident needs a note (comment) saying how they were asked"),
    OWN_FULFILMENT(40016, HttpStatus.FORBIDDEN, "You fulfilled this wish: someone else confirms it (its points are yours)");

    private final Spec spec;

    WishError(int code, HttpStatus status, String message) {
        this.spec = new Spec(code, status, message);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
