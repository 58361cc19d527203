package cn.doorstep.booking.staff;

import cn.doorstep.common.Zones;
import cn.doorstep.points.Award;
import cn.doorstep.points.PointsReason;
import cn.doorstep.points.PointsService;
import cn.doorstep.schedule.ActivityRef;
import cn.doorstep.station.StationDirectory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Points for a checked-in attendance, awarded in the check-in's own transaction (so they exist exactly
 * when the check-in does) and idempotent by (user, ACTIVITY_ATTENDED, activity, id): an activity earns
 * its attendee points once, however often anything is retried. The activity's points are turned into
 * units of the community's ACTIVITY_ATTENDED rule, whose daily cap still applies.
 */
@Component
public class AttendancePoints {

    private final PointsService points;
    private final StationDirectory stations;

    AttendancePoints(PointsService points, StationDirectory stations) {
        this.points = points;
        this.stations = stations;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public long award(ActivityRef activity, long userId, long staffId, Instant at) {
        if (activity.points() <= 0) {
            return 0;
        }
        long communityId = stations.find(activity.stationId()).orElseThrow().communityId();
        int perUnit = points.ruleOf(communityId, PointsReason.ACTIVITY_ATTENDED).pointsPerUnit();
        if (perUnit <= 0) {
            return 0;
        }
        BigDecimal units = BigDecimal.valueOf(activity.points()).divide(BigDecimal.valueOf(perUnit), 10, RoundingMode.UP);
        return points.award(new Award(userId, PointsReason.ACTIVITY_ATTENDED, "activity", String.valueOf(activity.id()),
                units, communityId, LocalDate.ofInstant(at, Zones.CHINA), staffId, activity.title())).points();
    }
}
