package cn.doorstep.stats;

import java.time.LocalDate;
import java.util.List;

/**
 * A scope's riders over a period (statistics.md defines every figure).
 *
 * @param checkins         counted check-ins at the scope's stations (one per rider, station and China day)
 * @param registered       rider registrations homed in the scope first made in the period
 * @param verified         of the registrations homed in the scope, those verified in the period (and verified still)
 * @param verifiedRiders   riders homed in the scope verified now, whenever
 * @param statementsIssued points statements (双积分 证明) issued in the period to members of the scope's communities
 */
public record RiderStats(StatsScope scope, LocalDate from, LocalDate to, long checkins, long registered, long verified,
                         long verifiedRiders, long statementsIssued, List<StationCheckins> byStation, List<RiderDay> daily) {

    public record StationCheckins(long stationId, String stationName, long checkins) {
    }

    public record RiderDay(LocalDate date, long checkins, long registered, long verified, long statementsIssued) {
    }
}
