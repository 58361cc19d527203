package cn.doorstep.community;

import cn.doorstep.common.ErrorCode;
import org.springframework.http.HttpStatus;

public enum CommunityError implements ErrorCode {
    COMMUNITY_NOT_FOUND(13001, HttpStatus.NOT_FOUND, "No such community"),
    UNKNOWN_COMMUNITY(13002, HttpStatus.BAD_REQUEST, "The communityId given does not exist"),
    GRID_NOT_IN_COMMUNITY(13003, HttpStatus.BAD_REQUEST, "The grid does not belong to that community"),
    UNKNOWN_SCOPE(13004, HttpStatus.BAD_REQUEST,
            "The scopeId names no district, street, community, station or grid (whichever the role is scoped to)"),
    GRID_NOT_FOUND(13005, HttpStatus.NOT_FOUND, "No such grid");

    private final Spec spec;

    CommunityError(int code, HttpStatus status, String message) {
        this.spec = new Spec(code, status, message);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
