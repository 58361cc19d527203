package cn.doorstep.points;

import cn.doorstep.common.ApiException;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.Zones;
import cn.doorstep.points.internal.PointsAccount;
import cn.doorstep.points.internal.PointsAccountMapper;
import cn.doorstep.station.StationDirectory;
import cn.doorstep.station.StationError;
import cn.doorstep.station.StationDirectory.StationRef;
import cn.doorstep.station.StationStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Service;

/**
 * Station staff confirm a volunteer's service (服务换积分) by scanning the member code on the
 * volunteer's phone: hours of an activity at their station earn points under the station's
 * community's rule. The staff member's Idempotency-Key is the award's reference, so a retried scan
 * awards once. Nobody confirms their own service.
 */
@Service
public class VolunteerServiceAwards {

    private final PointsService points;
    private final PointsAccountMapper accounts;
    private final StationDirectory stations;
    private final Clock clock;

    VolunteerServiceAwards(PointsService points, PointsAccountMapper accounts, StationDirectory stations, Clock clock) {
        this.points = points;
        this.accounts = accounts;
        this.stations = stations;
        this.clock = clock;
    }

    /** A staff member's confirmation of one volunteer's service. */
    public record ServiceAward(String memberCode, long stationId, String activity, BigDecimal hours) {
    }

    /** What the staff phone shows after the scan. */
    public record AwardReceipt(long userId, long points, boolean repeated, LedgerEntryView entry) {
    }

    public AwardReceipt award(CurrentUser staff, ServiceAward request, String idempotencyKey) {
        StationRef station = stations.find(request.stationId())
                .filter(s -> s.status() == StationStatus.ACTIVE)
                .orElseThrow(() -> new ApiException(StationError.STATION_NOT_FOUND));
        if (!staff.isStaffOf(station.id())) {
            throw new ApiException(StationError.NOT_YOUR_STATION);
        }
        PointsAccount volunteer = accounts.selectByMemberCode(request.memberCode().strip().toUpperCase());
        if (volunteer == null) {
            throw new ApiException(PointsError.MEMBER_CODE_UNKNOWN);
        }
        if (volunteer.getUserId() == staff.id()) {
            throw new ApiException(PointsError.OWN_POINTS); // a volunteering staff member is confirmed by a colleague
        }
        LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
        var awarded = points.award(new Award(volunteer.getUserId(), PointsReason.VOLUNTEER_SERVICE, "service",
                staff.id() + ":" + idempotencyKey, request.hours(), station.communityId(), today, staff.id(),
                request.activity().strip()));
        return new AwardReceipt(volunteer.getUserId(), awarded.points(), awarded.repeated(),
                awarded.entry().orElse(null));
    }
}
