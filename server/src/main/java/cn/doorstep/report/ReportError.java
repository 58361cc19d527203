package cn.doorstep.report;

import cn.doorstep.common.ErrorCode;
import org.springframework.http.HttpStatus;

/**
 * Reports' codes, 60xxx: 60001-60019 filing, following and the grid's steps; 60020-60039 departments and
 * 吹哨; 60040-60059 deadlines, duplicates and points; 60060-60079 rankings and Open311.
 */
public enum ReportError implements ErrorCode {
    REPORT_NOT_FOUND(60001, HttpStatus.NOT_FOUND, "No such report (or not one you may see)"),
    WRONG_STATE(60002, HttpStatus.CONFLICT, "The report's current state does not allow this; data.status names it"),
    CHANGED_MEANWHILE(60003, HttpStatus.CONFLICT, "Someone else acted on the report first; read it again (data.status names its state)"),
    TEXT_RISKY(60004, HttpStatus.UNPROCESSABLE_ENTITY, "WeChat's content check found this text unsuitable (data.errors names the field); change it and send again"),
    PHOTO_WITHDRAWN(60005, HttpStatus.UNPROCESSABLE_ENTITY, "WeChat's media check found this photo unsuitable and it was withdrawn (data.errors names it); upload another"),
    NOT_A_WORKER(60006, HttpStatus.FORBIDDEN, "You are not a worker of this community or grid (its admin, a street or district admin above it, or its grid head)"),
    RANKING_OUT_OF_SCOPE(60060, HttpStatus.FORBIDDEN, "Rankings of a street are for its admins and its district's (and the platform's); of a district, for its admins (and the platform's)"),
    RANKING_SCOPE_INVALID(60061, HttpStatus.BAD_REQUEST, "Name one scope, streetId or districtId (streets are ranked within a district), that exists; data.errors names the field"),
    OPEN311_BAD_REQUEST(60062, HttpStatus.BAD_REQUEST, "An Open311 filter is malformed or spans more than 90 days (answered as Open311's error array)");

    private final Spec spec;

    ReportError(int code, HttpStatus status, String message) {
        this.spec = new Spec(code, status, message);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
