package cn.doorstep.rider;

import cn.doorstep.common.ApiException;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.common.RateLimitProperties;
import cn.doorstep.common.RateLimiter;
import cn.doorstep.common.Zones;
import cn.doorstep.rider.internal.Rider;
import cn.doorstep.rider.internal.RiderCheckin;
import cn.doorstep.rider.internal.RiderCheckinMapper;
import cn.doorstep.rider.internal.RiderMapper;
import cn.doorstep.station.CheckinCodes;
import cn.doorstep.station.StationDirectory.StationRef;
import cn.doorstep.station.StationDirectory;
import cn.doorstep.station.StationKind;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A verified rider scans the code a warm station's staff show (it changes every few minutes). The
 * unique key (rider, station, China-time day) lets exactly one check-in a day count, however many
 * scans race; repeats are answered, not refused. A check-in that counts is announced as
 * {@link RiderCheckedIn} in the transaction that stores it, so points never miss one.
 */
@Service
public class CheckinService {

    private final RiderMapper riders;
    private final RiderCheckinMapper checkins;
    private final CheckinCodes codes;
    private final StationDirectory stations;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final RateLimiter rateLimiter;
    private final RateLimitProperties limits;
    private final Clock clock;
    private final double maxDistanceMetres;

    CheckinService(RiderMapper riders, RiderCheckinMapper checkins, CheckinCodes codes, StationDirectory stations,
                   ApplicationEventPublisher events, TransactionTemplate transaction, RateLimiter rateLimiter,
                   RateLimitProperties limits, Clock clock,
                   @Value("${doorstep.rider.checkin-max-distance:500}") double maxDistanceMetres) {
        this.riders = riders;
        this.checkins = checkins;
        this.codes = codes;
        this.stations = stations;
        this.events = events;
        this.transaction = transaction;
        this.rateLimiter = rateLimiter;
        this.limits = limits;
        this.clock = clock;
        this.maxDistanceMetres = maxDistanceMetres;
    }

    /**
     * Outside a surrounding transaction on purpose: the insert commits in its own, so a racing scan
     * that loses on the unique key can read the winner's row (inside one REPEATABLE READ transaction it
     * could not).
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public CheckinView checkIn(CurrentUser me, CheckinRequest request) {
        rateLimiter.hit("checkin", "user:" + me.id(), limits.checkinsPerMinute(), Duration.ofMinutes(1));
        Rider rider = requireVerified(me.id());
        CheckinCodes.Scan scan = codes.scan(request.code());
        if (scan instanceof CheckinCodes.Scan.Expired) {
            throw new ApiException(RiderError.CHECKIN_CODE_EXPIRED);
        }
        if (!(scan instanceof CheckinCodes.Scan.Valid valid) || !valid.station().kinds().contains(StationKind.WARM)) {
            throw new ApiException(RiderError.STATION_CODE_UNKNOWN);
        }
        StationRef station = valid.station();
        if (request.hasLocation() && station.distanceTo(request.lat(), request.lng()) > maxDistanceMetres) {
            throw new ApiException(RiderError.TOO_FAR_FROM_STATION);
        }
        LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));

        var checkin = new RiderCheckin();
        checkin.setRiderId(rider.getId());
        checkin.setStationId(station.id());
        checkin.setCheckinDate(today);
        try {
            transaction.executeWithoutResult(tx -> {
                checkins.insert(checkin);
                events.publishEvent(new RiderCheckedIn(checkin.getId(), me.id(), station.id(), station.communityId(),
                        today));
            });
        } catch (DuplicateKeyException alreadyToday) {
            RiderCheckin first = checkins.selectOfDay(rider.getId(), station.id(), today);
            return view(first, station.name(), false);
        }
        return view(checkins.selectById(checkin.getId()), station.name(), true);
    }

    @Transactional(readOnly = true)
    public PageResult<CheckinView> mine(CurrentUser me, PageQuery page) {
        Rider rider = requireVerified(me.id());
        Page<RiderCheckin> rows = checkins.selectByRider(rider.getId(), new Page<>(page.page(), page.size()));
        Map<Long, StationRef> where = stations.findAll(rows.getRecords().stream().map(RiderCheckin::getStationId).toList());
        return PageResult.of(rows.getRecords().stream().map(c -> view(c, Optional.ofNullable(where.get(c.getStationId()))
                .map(StationRef::name).orElse(null), true)).toList(), rows.getTotal(), page);
    }

    private Rider requireVerified(long userId) {
        Rider rider = riders.selectByUser(userId);
        if (rider == null) {
            throw new ApiException(RiderError.NOT_REGISTERED);
        }
        if (!RiderStatus.VERIFIED.name().equals(rider.getStatus())) {
            throw new ApiException(RiderError.NOT_VERIFIED);
        }
        return rider;
    }

    private static CheckinView view(RiderCheckin c, String stationName, boolean counted) {
        return new CheckinView(c.getId(), c.getStationId(), stationName, c.getCheckinDate(), c.getCreatedAt(), counted);
    }
}
