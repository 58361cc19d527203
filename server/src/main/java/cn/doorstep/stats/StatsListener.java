package cn.doorstep.stats;

import cn.doorstep.booking.BookingChanged;
import cn.doorstep.party.PartyServiceRecorded;
import cn.doorstep.points.PointsChanged;
import cn.doorstep.points.StatementIssued;
import cn.doorstep.rider.RiderChanged;
import cn.doorstep.rider.RiderCheckedIn;
import cn.doorstep.common.Zones;
import cn.doorstep.report.ReportChanged;
import cn.doorstep.report.ReportFiled;
import cn.doorstep.reward.RedemptionChanged;
import cn.doorstep.wish.WishChanged;
import java.time.LocalDate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Folds the days an event touched again, from the sources (through the publication registry: redelivered until
 * this succeeds). Idempotent by construction: a fold writes what the source says now, however often it runs.
 * No transaction of its own: each fold runs in its own READ COMMITTED one (retried if it loses a deadlock).
 */
@Component
class StatsListener {

    private final StatsFolding folding;

    StatsListener(StatsFolding folding) {
        this.folding = folding;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(WishChanged event) {
        folding.foldWishes(event.communityId(), event.postedOn(), event.postedOn());
        if (!event.changedOn().equals(event.postedOn())) {
            folding.foldWishes(event.communityId(), event.changedOn(), event.changedOn());
        }
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(BookingChanged event) {
        folding.communityOfStation(event.stationId())
                .ifPresent(community -> folding.foldBookings(community, event.day(), event.day()));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(RiderCheckedIn event) {
        folding.foldRiders(event.communityId(), event.date(), event.date());
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(RiderChanged event) {
        folding.foldRiders(event.communityId(), event.day(), event.day());
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(StatementIssued event) {
        folding.foldRiders(event.communityId(), event.day(), event.day());
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(PartyServiceRecorded event) {
        folding.foldParty(event.communityId(), event.day(), event.day());
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ReportFiled event) {
        LocalDate day = LocalDate.ofInstant(event.at(), Zones.CHINA);
        folding.foldReports(event.communityId(), day, day);
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ReportChanged event) {
        folding.foldReports(event.communityId(), event.filedOn(), event.filedOn());
        if (!event.changedOn().equals(event.filedOn())) {
            folding.foldReports(event.communityId(), event.changedOn(), event.changedOn());
        }
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(PointsChanged event) {
        folding.foldPoints(event.communityId(), event.day(), event.day());
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(RedemptionChanged event) {
        folding.foldPoints(event.communityId(), event.day(), event.day());
    }
}
