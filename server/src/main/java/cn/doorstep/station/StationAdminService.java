package cn.doorstep.station;

import cn.doorstep.common.RandomCodes;
import cn.doorstep.station.hours.ExceptionRequest;
import cn.doorstep.station.hours.HolidayPolicy;
import cn.doorstep.station.hours.HoursExceptionMapper;
import cn.doorstep.station.hours.HoursExceptionRow;
import cn.doorstep.station.hours.HoursRequest;
import cn.doorstep.station.hours.HoursRules;
import cn.doorstep.audit.AuditLog;
import cn.doorstep.common.ApiException;
import cn.doorstep.common.CommonError;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.community.CommunityService;
import cn.doorstep.station.internal.Station;
import cn.doorstep.station.internal.StationDetails;
import cn.doorstep.station.internal.StationMapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import cn.doorstep.common.Zones;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a community's admins do to its stations. Every change is checked against the admin's
 * community, audited, and announced as {@link StationChanged} so the index and cache follow.
 */
@Service
public class StationAdminService {

    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final StationMapper stations;
    private final HoursExceptionMapper exceptions;
    private final StationDetails details;
    private final CommunityService communities;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StationAdminService(StationMapper stations, HoursExceptionMapper exceptions, StationDetails details,
                        CommunityService communities, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.stations = stations;
        this.exceptions = exceptions;
        this.details = details;
        this.communities = communities;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public PageResult<StationDetail> list(CurrentUser admin, long communityId, PageQuery page) {
        requireAdminOf(admin, communityId);
        Page<Station> rows = stations.selectInCommunity(communityId, new Page<>(page.page(), page.size()));
        return PageResult.of(List.copyOf(details.toDetails(rows.getRecords()).values()), rows.getTotal(), page);
    }

    @Transactional
    public StationDetail create(CurrentUser admin, StationRequest request) {
        requireAdminOf(admin, request.communityId());
        return insert(request, admin.id());
    }

    /**
     * Creates a station without a signed-in admin: for trusted imports (the local demo data). The
     * community must exist; the audit row names {@code actorId}.
     */
    @Transactional
    public StationDetail importStation(StationRequest request, long actorId) {
        return insert(request, actorId);
    }

    @Transactional
    public StationDetail update(CurrentUser admin, long id, StationRequest request) {
        Station row = requireManaged(admin, id);
        if (!row.getCommunityId().equals(request.communityId())) {
            requireAdminOf(admin, request.communityId()); // moving a station to another community needs both
        }
        validate(request);
        apply(row, request);
        save(row);
        audit.record(admin.id(), row.getCommunityId(), "station.update", "station", id, null);
        return changed(id);
    }

    @Transactional
    public StationDetail setHours(CurrentUser admin, long id, HoursRequest request) {
        Station row = requireManaged(admin, id);
        HoursRules.checkWeekly(request.weeklyHours());
        row.setWeeklyHours(List.copyOf(request.weeklyHours()));
        row.setHolidayPolicy((request.holidayPolicy() == null ? HolidayPolicy.FOLLOW_CALENDAR : request.holidayPolicy()).name());
        save(row);
        audit.record(admin.id(), row.getCommunityId(), "station.hours", "station", id, request.weeklyHours().size() + " windows");
        return changed(id);
    }

    @Transactional
    public StationDetail setException(CurrentUser admin, long id, LocalDate date, ExceptionRequest request) {
        Station station = requireManaged(admin, id);
        HoursRules.checkExceptionDate(date, LocalDate.now(clock.withZone(Zones.CHINA)));
        HoursRules.checkException(request);
        var row = new HoursExceptionRow();
        row.setStationId(id);
        row.setOnDate(date);
        row.setClosed(request.closed());
        row.setOpens(request.closed() ? null : request.opens());
        row.setCloses(request.closed() ? null : request.closes());
        row.setNote(request.note());
        exceptions.upsert(row);
        stations.bumpVersion(id, clock.instant()); // the index entry carries the hours: it must not regress
        audit.record(admin.id(), station.getCommunityId(), "station.hours-exception", "station", id,
                date + (request.closed() ? " closed" : " " + request.opens() + "-" + request.closes()));
        return changed(id);
    }

    @Transactional
    public StationDetail removeException(CurrentUser admin, long id, LocalDate date) {
        Station station = requireManaged(admin, id);
        if (exceptions.deleteOne(id, date) == 0) {
            throw new ApiException(CommonError.NOT_FOUND, "No exception on " + date);
        }
        stations.bumpVersion(id, clock.instant());
        audit.record(admin.id(), station.getCommunityId(), "station.hours-exception.remove", "station", id, date.toString());
        return changed(id);
    }

    @Transactional
    public StationDetail setPhotos(CurrentUser admin, long id, PhotosRequest request) {
        Station row = requireManaged(admin, id);
        row.setPhotos(List.copyOf(request.urls()));
        save(row);
        audit.record(admin.id(), row.getCommunityId(), "station.photos", "station", id, request.urls().size() + " photos");
        return changed(id);
    }

    /** Closed for good: off the map, still readable by id. */
    @Transactional
    public StationDetail close(CurrentUser admin, long id) {
        return setStatus(admin, id, StationStatus.CLOSED, "station.close");
    }

    @Transactional
    public StationDetail reopen(CurrentUser admin, long id) {
        return setStatus(admin, id, StationStatus.ACTIVE, "station.reopen");
    }

    @Transactional
    public void delete(CurrentUser admin, long id) {
        setStatus(admin, id, StationStatus.DELETED, "station.delete");
    }

    /**
     * The station row for an admin of its community; 404 also for another community's station, as for another
     * user's booking: an admin is never told what exists outside their scope.
     */
    Station requireManaged(CurrentUser admin, long id) {
        Station row = stations.selectById(id);
        if (row == null || Station.DELETED.equals(row.getStatus()) || !admin.isAdminOf(row.getCommunityId())) {
            throw new ApiException(StationError.STATION_NOT_FOUND);
        }
        return row;
    }

    private StationDetail setStatus(CurrentUser admin, long id, StationStatus status, String action) {
        Station row = requireManaged(admin, id);
        row.setStatus(status.name());
        save(row);
        audit.record(admin.id(), row.getCommunityId(), action, "station", id, null);
        return changed(id);
    }

    private StationDetail insert(StationRequest request, long actorId) {
        communities.requireKnown(request.communityId(), "communityId");
        validate(request);
        var row = new Station();
        apply(row, request);
        row.setLiveStatus(LiveStatus.OPEN.name());
        row.setStatus(Station.ACTIVE);
        row.setCheckinCode(newCheckinCode());
        stations.insert(row);
        audit.record(actorId, row.getCommunityId(), "station.create", "station", row.getId(), null);
        return changed(row.getId());
    }

    private void validate(StationRequest request) {
        if (request.kinds().contains(StationKind.SERVICE) && request.serviceLevel() == null) {
            throw ApiException.badField(StationError.SERVICE_LEVEL_REQUIRED, "serviceLevel",
                    "is required for a SERVICE station");
        }
        if (request.weeklyHours() != null) {
            HoursRules.checkWeekly(request.weeklyHours());
        }
    }

    private static void apply(Station row, StationRequest r) {
        row.setName(r.name().strip());
        row.setKinds(StationDetails.join(EnumSet.copyOf(r.kinds())));
        row.setServiceLevel(r.kinds().contains(StationKind.SERVICE) ? r.serviceLevel().name() : null);
        row.setCommunityId(r.communityId());
        row.setAddress(r.address().strip());
        row.setLat(r.lat());
        row.setLng(r.lng());
        row.setPhone(r.phone());
        row.setIntro(r.intro());
        row.setPhotos(r.photos() == null ? List.of() : List.copyOf(r.photos()));
        row.setAmenities(StationDetails.join(r.amenities() == null || r.amenities().isEmpty()
                ? EnumSet.noneOf(Amenity.class) : EnumSet.copyOf(r.amenities())));
        row.setAudience((r.audience() == null ? Audience.PUBLIC : r.audience()).name());
        row.setWeeklyHours(r.weeklyHours() == null ? List.of() : List.copyOf(r.weeklyHours()));
        row.setHolidayPolicy((r.holidayPolicy() == null ? HolidayPolicy.FOLLOW_CALENDAR : r.holidayPolicy()).name());
    }

    /** Writes with the row's version: a concurrent edit in between makes this one a 409. */
    private void save(Station row) {
        if (stations.updateById(row) == 0) {
            throw new ApiException(CommonError.CONFLICT, "The station was changed by someone else; reload and retry");
        }
    }

    private StationDetail changed(long id) {
        events.publishEvent(new StationChanged(id));
        return details.toDetails(List.of(stations.selectById(id))).get(id);
    }

    static void requireAdminOf(CurrentUser admin, long communityId) {
        if (!admin.isAdminOf(communityId)) {
            throw new ApiException(StationError.NOT_YOUR_COMMUNITY);
        }
    }

    private static String newCheckinCode() {
        return RandomCodes.of(CODE_ALPHABET, 16);
    }
}
