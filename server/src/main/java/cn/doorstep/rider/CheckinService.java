package cn.doorstep.rider;

import cn.doorstep.common.ApiException;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.common.Zones;
import cn.doorstep.rider.internal.Rider;
import cn.doorstep.rider.internal.RiderCheckin;
import cn.doorstep.rider.internal.RiderCheckinMapper;
import cn.doorstep.rider.internal.RiderMapper;
import cn.doorstep.station.StationDirectory;
import cn.doorstep.station.StationDirectory.StationRef;
import cn.doorstep.station.StationKind;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A verified rider scans a warm station's code. The unique key (rider, station, China-time day) lets
 * exactly one check-in a day count, however many scans race; repeats are answered, not refused.
 */
@Service
public class CheckinService {

    private final RiderMapper riders;
    private final RiderCheckinMapper checkins;
    private final StationDirectory stations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CheckinService(RiderMapper riders, RiderCheckinMapper checkins, StationDirectory stations,
                   ApplicationEventPublisher events, Clock clock) {
        this.riders = riders;
        this.checkins = checkins;
        this.stations = stations;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Outside a transaction on purpose: the insert commits on its own, so a racing scan that loses on
     * the unique key can read the winner's row (inside one REPEATABLE READ transaction it could not).
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public CheckinView checkIn(CurrentUser me, String code) {
        Rider rider = requireVerified(me.id());
        StationRef station = stations.activeByCheckinCode(code.strip())
                .filter(s -> s.kinds().contains(StationKind.WARM))
                .orElseThrow(() -> new ApiException(RiderError.STATION_CODE_UNKNOWN));
        LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));

        var checkin = new RiderCheckin();
        checkin.setRiderId(rider.getId());
        checkin.setStationId(station.id());
        checkin.setCheckinDate(today);
        try {
            checkins.insert(checkin);
        } catch (DuplicateKeyException alreadyToday) {
            RiderCheckin first = checkins.selectOfDay(rider.getId(), station.id(), today);
            return view(first, station.name(), false);
        }
        events.publishEvent(new RiderCheckedIn(checkin.getId(), me.id(), station.id(), today));
        return view(checkins.selectById(checkin.getId()), station.name(), true);
    }

    @Transactional(readOnly = true)
    public PageResult<CheckinView> mine(CurrentUser me, PageQuery page) {
        Rider rider = requireVerified(me.id());
        Page<RiderCheckin> rows = checkins.selectByRider(rider.getId(), new Page<>(page.page(), page.size()));
        return PageResult.of(rows.getRecords().stream().map(c -> view(c,
                stations.find(c.getStationId()).map(StationRef::name).orElse(null), true)).toList(), rows.getTotal(), page);
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
