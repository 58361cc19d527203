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
    NOT_THE_REPORTER(60007, HttpStatus.FORBIDDEN, "Only the one who filed the report rates it"),
    ALREADY_RATED(60008, HttpStatus.CONFLICT, "The report was rated already"),
    NOT_A_VERIFIED_RIDER(60009, HttpStatus.UNPROCESSABLE_ENTITY, "This user is not a verified rider (骑手备案); only verified riders can be 流动网格员"),
    RIDER_NOT_PAIRED(60010, HttpStatus.NOT_FOUND, "This rider is not paired with a grid of your communities"),
    RIDER_PAIRED_ELSEWHERE(60011, HttpStatus.CONFLICT, "This rider is the 流动网格员 of a grid of another community; its admin unpairs them first"),
    NO_REPORTER_TO_ASK(60012, HttpStatus.CONFLICT, "A hotline report has no reporter in the app to answer: call the caller back"),
    MERGE_INTO_ITSELF(60040, HttpStatus.BAD_REQUEST, "A report cannot be merged into itself (data.errors names intoId)"),
    DEPARTMENT_NOT_FOUND(60020, HttpStatus.NOT_FOUND, "No such department (or not one you may see)"),
    UNKNOWN_STREET(60021, HttpStatus.BAD_REQUEST, "streetIds names a street that does not exist (data.errors names it)"),
    DEPARTMENT_NOT_YOURS(60022, HttpStatus.FORBIDDEN, "Only the platform admin, or the district admin of every street it serves, manages a department"),
    DEPARTMENT_NAME_TAKEN(60023, HttpStatus.CONFLICT, "Another department already has this name"),
    DEPARTMENT_UNAVAILABLE(60024, HttpStatus.BAD_REQUEST, "departmentIds names a department that is unknown, inactive or does not serve the report's street (data.errors names them)"),
    NOT_THE_STREET(60025, HttpStatus.FORBIDDEN, "Only an admin of the report's street (or the district above it, or the platform) summons departments (吹哨)"),
    ALREADY_EXTENDED(60026, HttpStatus.CONFLICT, "This department already asked for more time on this report (once per report)"),
    ASSIGNMENT_WRONG_STATE(60027, HttpStatus.CONFLICT, "Your department's part in the report does not allow this now; data.status names it"),
    NOT_A_MEMBER(60028, HttpStatus.NOT_FOUND, "This user is not one of the department's people"),
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
