package cn.doorstep.station;

import cn.doorstep.audit.AuditLog;
import cn.doorstep.auth.RoleService;
import cn.doorstep.common.ApiException;
import cn.doorstep.common.CommonError;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.common.Role;
import cn.doorstep.station.internal.Station;
import cn.doorstep.station.internal.StationDetails;
import cn.doorstep.station.internal.StationMapper;
import cn.doorstep.user.UserError;
import cn.doorstep.user.UserService;
import cn.doorstep.user.UserView;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A station's staff: who they are (assigned by the community's admin) and what they do on their own
 * stations only — the live status and the check-in code riders scan.
 */
@Service
public class StationStaffService {

    private final StationMapper stations;
    private final StationDetails details;
    private final StationAdminService admin;
    private final RoleService roles;
    private final UserService users;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final CheckinCodes codes;
    private final Clock clock;

    StationStaffService(StationMapper stations, StationDetails details, StationAdminService admin, RoleService roles,
                        UserService users, AuditLog audit, ApplicationEventPublisher events, CheckinCodes codes,
                        Clock clock) {
        this.stations = stations;
        this.details = details;
        this.admin = admin;
        this.roles = roles;
        this.users = users;
        this.audit = audit;
        this.events = events;
        this.codes = codes;
        this.clock = clock;
    }

    public record StaffMember(long userId, String nickname, String phone) {
    }

    /**
     * The check-in code to show on the staff phone now. It changes every few minutes: show
     * {@code qrContent} as a QR code and fetch a new one at {@code refreshAt}; a scan is accepted
     * until {@code validUntil}.
     */
    public record CheckinCode(long stationId, String code, String qrContent, Instant refreshAt, Instant validUntil) {
    }

    /** The stations this staff member works at. */
    @Transactional(readOnly = true)
    public List<StationDetail> myStations(CurrentUser staff) {
        List<Long> ids = List.copyOf(staff.scopesOf(Role.STAFF));
        return details.getAll(ids).values().stream().filter(s -> s.status() != StationStatus.DELETED).toList();
    }

    @Transactional
    public StationDetail setLiveStatus(CurrentUser staff, long stationId, LiveStatusRequest request) {
        Station row = requireStaffOf(staff, stationId);
        String note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
        stations.updateLiveStatus(stationId, request.status().name(), note, clock.instant());
        audit.record(staff.id(), row.getCommunityId(), "station.live-status", "station", stationId, request.status().name());
        events.publishEvent(new StationChanged(stationId));
        return details.toDetails(List.of(stations.selectById(stationId))).get(stationId);
    }

    /** The code riders scan to check in now (shown on the staff phone, not printed: it changes). */
    @Transactional(readOnly = true)
    public CheckinCode checkinCode(CurrentUser staff, long stationId) {
        Station row = requireStaffOf(staff, stationId);
        CheckinCodes.ShownCode shown = codes.current(row);
        return new CheckinCode(stationId, shown.code(), shown.code(), shown.refreshAt(), shown.validUntil());
    }

    /** A page of the station's staff, by user id; who they are read in one statement. */
    @Transactional(readOnly = true)
    public PageResult<StaffMember> staffOf(CurrentUser admin, long stationId, PageQuery page) {
        this.admin.requireManaged(admin, stationId);
        PageResult<RoleService.Holder> holders = roles.holders(Role.STAFF, List.of(stationId), page);
        Map<Long, UserView> people = users.findAll(holders.items().stream().map(RoleService.Holder::userId).toList());
        return holders.map(h -> {
            UserView u = people.get(h.userId());
            return new StaffMember(h.userId(), u == null ? null : u.nickname(), u == null ? null : u.phone());
        });
    }

    @Transactional
    public StaffMember assign(CurrentUser admin, long stationId, long userId) {
        Station station = this.admin.requireManaged(admin, stationId);
        UserView user = users.find(userId).orElseThrow(() -> ApiException.badField(UserError.USER_NOT_FOUND,
                "userId", "no user has this id"));
        roles.grant(userId, Role.STAFF, stationId);
        audit.record(admin.id(), station.getCommunityId(), "station.staff.assign", "station", stationId, "user " + userId);
        return new StaffMember(userId, user.nickname(), user.phone());
    }

    @Transactional
    public void unassign(CurrentUser admin, long stationId, long userId) {
        Station station = this.admin.requireManaged(admin, stationId);
        if (!roles.revoke(userId, Role.STAFF, stationId)) {
            throw new ApiException(CommonError.NOT_FOUND, "User " + userId + " is not staff here");
        }
        audit.record(admin.id(), station.getCommunityId(), "station.staff.unassign", "station", stationId, "user " + userId);
    }

    private Station requireStaffOf(CurrentUser staff, long stationId) {
        Station row = stations.selectById(stationId);
        if (row == null || Station.DELETED.equals(row.getStatus())) {
            throw new ApiException(StationError.STATION_NOT_FOUND);
        }
        if (!staff.isStaffOf(stationId)) {
            throw new ApiException(StationError.NOT_YOUR_STATION);
        }
        return row;
    }
}
