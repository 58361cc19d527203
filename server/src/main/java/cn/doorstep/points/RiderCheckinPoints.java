package cn.doorstep.points;

import cn.doorstep.rider.RiderCheckedIn;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * A counted rider check-in earns points under the station's community's rule. The event comes
 * through the publication registry (stored with the check-in, delivered again until this succeeds:
 * see {@code common/EventRedelivery}); a redelivery finds the award made and changes nothing. No
 * transaction of the listener's own: the award runs in its READ COMMITTED one, and is run again there
 * if it loses a deadlock.
 */
@Component
class RiderCheckinPoints {

    private final PointsService points;

    RiderCheckinPoints(PointsService points) {
        this.points = points;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(RiderCheckedIn event) {
        points.award(Award.one(event.userId(), PointsReason.RIDER_CHECKIN, "checkin", event.checkinId(),
                event.communityId(), event.date()));
    }
}
