package cn.doorstep.stats;

import cn.doorstep.common.ErrorCode;
import org.springframework.http.HttpStatus;

/** The cockpit statistics' codes, 62xxx: 62001-62019 scopes and periods, 62020-62039 rebuilds. */
public enum StatsError implements ErrorCode {
    OUT_OF_SCOPE(62001, HttpStatus.FORBIDDEN, "These statistics are not yours to see: a community's are for its admins (and its street's, its district's and the platform's), a street's for its admins (and its district's), a district's for its admins, the city's for platform admins"),
    SCOPE_INVALID(62002, HttpStatus.BAD_REQUEST, "Name at most one of communityId, streetId and districtId, one that exists; data.errors names the field"),
    PERIOD_INVALID(62003, HttpStatus.BAD_REQUEST, "period is day, week, month or custom; custom needs from and to (from not after to, at most 366 days) and takes no date; the others take date and no from/to; data.errors names the field"),
    REBUILD_RANGE_INVALID(62020, HttpStatus.BAD_REQUEST, "A rebuild needs from not after to, at most 366 days, and to not after today (China time); data.errors names the field"),
    PLATFORM_ONLY(62021, HttpStatus.FORBIDDEN, "Only platform admins rebuild statistics");

    private final Spec spec;

    StatsError(int code, HttpStatus status, String message) {
        this.spec = new Spec(code, status, message);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
