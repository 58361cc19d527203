package cn.doorstep.coverage;

import cn.doorstep.common.ErrorCode;
import org.springframework.http.HttpStatus;

public enum CoverageError implements ErrorCode {
    SCOPE_AMBIGUOUS(63001, HttpStatus.BAD_REQUEST, "Give at most one of communityId, streetId and districtId"),
    OUT_OF_SCOPE(63002, HttpStatus.FORBIDDEN,
            "That area is outside your scope (the whole city is for platform admins only)"),
    NO_HOLIDAY_KNOWN(63003, HttpStatus.CONFLICT,
            "The holiday calendar knows no public holiday from today on; a platform admin adds the coming ones"),
    AREA_NOT_FOUND(63004, HttpStatus.NOT_FOUND, "No such community, street or district");

    private final Spec spec;

    CoverageError(int code, HttpStatus status, String message) {
        this.spec = new Spec(code, status, message);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
