package cn.doorstep.reward;

import cn.doorstep.common.ErrorCode;
import org.springframework.http.HttpStatus;

public enum RewardError implements ErrorCode {
    REWARD_NOT_FOUND(31001, HttpStatus.NOT_FOUND, "No such reward (or it was withdrawn)"),
    REDEMPTION_NOT_FOUND(31002, HttpStatus.NOT_FOUND, "No such redemption"),
    SOLD_OUT(31003, HttpStatus.CONFLICT, "Not enough of this reward is left"),
    NOT_AVAILABLE(31004, HttpStatus.CONFLICT, "The reward cannot be redeemed now: withdrawn, not yet available or no longer available (data.reason)"),
    LIMIT_REACHED(31005, HttpStatus.CONFLICT, "You hold as many of this reward as one person may (data.limit, data.held)"),
    WRONG_STATE(31006, HttpStatus.CONFLICT, "The redemption is no longer waiting to be collected; data.status names its state"),
    NOT_COMMUNITY_ADMIN(31007, HttpStatus.FORBIDDEN, "You are not an admin of this reward's community"),
    NOT_STATION_STAFF(31008, HttpStatus.FORBIDDEN, "Only staff of the station the reward is collected at may hand it over"),
    UNKNOWN_STATION(31009, HttpStatus.BAD_REQUEST, "stationId: no such station"),
    BAD_WINDOW(31010, HttpStatus.BAD_REQUEST, "availableUntil: must be after availableFrom"),
    WHERE_REQUIRED(31011, HttpStatus.BAD_REQUEST, "communityId or stationId: one of them is required"),
    REWARD_STATE(31012, HttpStatus.CONFLICT, "The reward is already in that state (data.status)");

    private final Spec spec;

    RewardError(int code, HttpStatus status, String message) {
        this.spec = new Spec(code, status, message);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
