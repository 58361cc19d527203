package cn.doorstep.points;

import cn.doorstep.rider.RiderCheckedIn;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A counted rider check-in earns points under the station's community's rule. The event comes
 * through the publication registry (stored with the check-in, retried until this succeeds); a
 * redelivery finds the award made and changes nothing.
 */
@Component
class RiderCheckinPoints {

    private final PointsService points;

    RiderCheckinPoints(PointsService points) {
        this.points = points;
    }

    @ApplicationModuleListener
    void on(RiderCheckedIn event) {
        points.award(Award.one(event.userId(), PointsReason.RIDER_CHECKIN, "checkin", event.checkinId(),
                event.communityId(), event.date()));
    }
}
