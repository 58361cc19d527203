package cn.doorstep.schedule.activity;

import cn.doorstep.audit.AuditLog;
import cn.doorstep.common.ApiException;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.common.Transactions;
import cn.doorstep.common.Zones;
import cn.doorstep.schedule.BookingAudience;
import cn.doorstep.schedule.Managers;
import cn.doorstep.schedule.ScheduleError;
import cn.doorstep.schedule.SlotCatalog;
import cn.doorstep.schedule.internal.Activity;
import cn.doorstep.schedule.internal.ActivityMapper;
import cn.doorstep.schedule.internal.SlotMapper;
import cn.doorstep.schedule.internal.SlotRow;
import cn.doorstep.station.StationDirectory;
import cn.doorstep.station.StationDirectory.StationRef;
import cn.doorstep.station.StationsNear;
import cn.doorstep.user.UserService;
import cn.doorstep.wechat.WeChatClient;
import cn.doorstep.wechat.WeChatError;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Activities staff publish at a station, one-off or as occurrences of a repeating rule. Each is one
 * slot (its capacity), so sign-up, cancel, the waitlist and check-in go through the same gate, guards
 * and codes as a service's slot. Closing the slot ({@code POST .../slots/{slotId}/close}) cancels the
 * activity.
 */
@Service
public class Activities {

    /** Activities near me look at most at this many of the nearest stations. */
    static final int NEAR_STATIONS_MAX = 500;

    private final ActivityMapper activities;
    private final SlotMapper slots;
    private final SlotCatalog catalog;
    private final Managers managers;
    private final StationDirectory stations;
    private final StationsNear near;
    private final AuditLog audit;
    private final Transactions tx;
    private final WeChatClient weChat;
    private final UserService users;
    private final Clock clock;

    Activities(ActivityMapper activities, SlotMapper slots, SlotCatalog catalog, Managers managers,
               StationDirectory stations, StationsNear near, AuditLog audit, Transactions tx, WeChatClient weChat,
               UserService users, Clock clock) {
        this.weChat = weChat;
        this.users = users;
        this.activities = activities;
        this.slots = slots;
        this.catalog = catalog;
        this.managers = managers;
        this.stations = stations;
        this.near = near;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Title and description are checked by WeChat (msgSecCheck, scene 论坛, as the staff member) before
     * anything is stored, outside any transaction: risky or review is refused (422 naming the title) —
     * activities are public and have no review queue; WeChat not answering lets it through, as the
     * publisher is known staff and the publication is audited.
     */
    public ActivityView publish(CurrentUser me, long stationId, ActivityRequest request) {
        long communityId = managers.require(me, stationId).communityId();
        requireSuitable(me, request.title(), request.description());
        return publish(stationId, communityId, request, me.id());
    }

    /**
     * WeChat's check of what everybody will read of an activity (or of a repeating rule, whose title every
     * occurrence carries): risky or review → 422 naming the title.
     */
    void requireSuitable(CurrentUser me, String title, String description) {
        var check = weChat.checkText(users.openidOf(me.id()).orElse(null), ACTIVITY_SCENE, title.strip(),
                description == null || description.isBlank() ? title.strip() : description.strip());
        if (check.verdict() == WeChatClient.Verdict.RISKY || check.verdict() == WeChatClient.Verdict.REVIEW) {
            throw ApiException.badField(WeChatError.TEXT_RISKY, "title", "WeChat's content check found the title or "
                    + "description unsuitable");
        }
    }

    /** msgSecCheck's scene for what everybody reads (论坛). */
    private static final int ACTIVITY_SCENE = 3;

    /** Publishes without a signed-in manager: for trusted imports (the local demo data); audited as {@code actorId}. */
    public ActivityView publish(long stationId, ActivityRequest request, long actorId) {
        return publish(stationId, communityOf(stationId), request, actorId);
    }

    private ActivityView publish(long stationId, Long communityId, ActivityRequest request, long actorId) {
        Instant now = clock.instant();
        Instant startsAt = request.startsAt().atZone(Zones.CHINA).toInstant();
        Instant endsAt = request.endsAt().atZone(Zones.CHINA).toInstant();
        if (!startsAt.isAfter(now)) {
            throw ApiException.badField(ScheduleError.BAD_SCHEDULE, "startsAt", "must be in the future");
        }
        if (!endsAt.isAfter(startsAt)) {
            throw ApiException.badField(ScheduleError.BAD_SCHEDULE, "endsAt", "must be after startsAt");
        }
        var row = new Activity();
        row.setStationId(stationId);
        row.setTitle(request.title().strip());
        row.setKind((request.kind() == null ? ActivityKind.OTHER : request.kind()).name());
        row.setPlace(request.place().strip());
        row.setDescription(request.description() == null || request.description().isBlank() ? null
                : request.description().strip());
        row.setStartsAt(startsAt);
        row.setEndsAt(endsAt);
        row.setAudience((request.audience() == null ? BookingAudience.ALL : request.audience()).name());
        row.setPoints(request.points() == null ? 0 : request.points());
        row.setCreatedBy(actorId);
        row.setCreatedAt(now);
        long id = tx.readCommitted(() -> {
            insert(row, request.capacity());
            audit.record(actorId, communityId, "booking.activity.publish", "booking_activity", row.getId(), row.getTitle());
            return row.getId();
        });
        return view(activities.selectById(id));
    }

    /**
     * Inserts the activity and its one slot, in the caller's transaction. An occurrence of a rule that
     * exists already is a {@link org.springframework.dao.DuplicateKeyException} (its unique key).
     */
    void insert(Activity row, int capacity) {
        activities.insert(row);
        var slot = new SlotRow();
        slot.setStationId(row.getStationId());
        slot.setActivityId(row.getId());
        slot.setStartsAt(row.getStartsAt());
        slot.setEndsAt(row.getEndsAt());
        slot.setCapacity(capacity);
        slot.setStatus(SlotRow.OPEN);
        slot.setManual(true);
        slot.setCreatedAt(row.getCreatedAt());
        slots.insert(slot);
    }

    /** One activity, for anyone: 404 when there is none, or its station is not running. */
    @Transactional(readOnly = true)
    public ActivityView get(long id) {
        Activity a = activities.selectById(id);
        if (a == null || !managers.isActive(a.getStationId())) {
            throw new ApiException(ScheduleError.ACTIVITY_NOT_FOUND);
        }
        return view(a);
    }

    /** A page of a station's activities that have not ended yet, soonest first; their slots in one statement. */
    @Transactional(readOnly = true)
    public PageResult<ActivityView> coming(long stationId, PageQuery page) {
        managers.active(stationId);
        Page<Activity> rows = activities.selectComing(stationId, clock.instant(), new Page<>(page.page(), page.size()));
        Map<Long, SlotRow> slotOf = catalog.slotsOfActivities(rows.getRecords().stream().map(Activity::getId).toList());
        return PageResult.of(rows.getRecords().stream().map(a -> view(a, slotOf.get(a.getId()))).toList(),
                rows.getTotal(), page);
    }

    /**
     * Activities near a point: those of the active stations within {@code radius} metres (the nearest
     * {@value #NEAR_STATIONS_MAX}, found through the map's GEO index) that have not ended and are not
     * cancelled, of a kind and starting on a (China) date when given, soonest first; each with its
     * station's name and distance. One statement each for the activities, their slots and their stations.
     */
    @Transactional(readOnly = true)
    public PageResult<NearbyActivity> near(double lat, double lng, int radius, ActivityKind kind, LocalDate date,
                                           PageQuery page, String client) {
        Map<Long, Double> distance = new LinkedHashMap<>();
        near.around(lat, lng, radius, client).stream().limit(NEAR_STATIONS_MAX)
                .forEach(n -> distance.put(n.stationId(), n.distance()));
        if (distance.isEmpty()) {
            return PageResult.of(List.of(), 0, page);
        }
        Instant from = date == null ? null : date.atStartOfDay(Zones.CHINA).toInstant();
        Instant to = date == null ? null : date.plusDays(1).atStartOfDay(Zones.CHINA).toInstant();
        Page<Activity> rows = activities.selectOpenAt(new Page<>(page.page(), page.size()), distance.keySet(),
                clock.instant(), kind == null ? null : kind.name(), from, to);
        List<Activity> found = rows.getRecords();
        Map<Long, SlotRow> slotOf = catalog.slotsOfActivities(found.stream().map(Activity::getId).toList());
        Map<Long, StationRef> at = stations.findAll(found.stream().map(Activity::getStationId).distinct().toList());
        return PageResult.of(found.stream().map(a -> new NearbyActivity(view(a, slotOf.get(a.getId())),
                at.containsKey(a.getStationId()) ? at.get(a.getStationId()).name() : null,
                Math.round(distance.get(a.getStationId())))).toList(), rows.getTotal(), page);
    }

    /** The next few open activities of a station, for its page; their slots in one statement. */
    @Transactional(readOnly = true)
    public List<ActivityView> next(long stationId, int limit) {
        List<Activity> rows = activities.selectNextOpen(stationId, clock.instant(), limit);
        Map<Long, SlotRow> slotOf = catalog.slotsOfActivities(rows.stream().map(Activity::getId).toList());
        return rows.stream().map(a -> view(a, slotOf.get(a.getId()))).toList();
    }

    private ActivityView view(Activity a) {
        return view(a, slots.selectByActivity(a.getId()));
    }

    static ActivityView view(Activity a, SlotRow slot) {
        return new ActivityView(a.getId(), a.getStationId(), a.getTitle(), a.getPlace(), a.getDescription(),
                a.getStartsAt(), a.getEndsAt(), slot.getCapacity(), slot.seatsLeft(), BookingAudience.valueOf(a.getAudience()),
                a.getPoints(), slot.getId(), slot.getStatus(), ActivityKind.valueOf(a.getKind()), a.getRuleId());
    }

    /** The community an audit row is filed under: the station's (for trusted imports and rules). */
    Long communityOf(long stationId) {
        return stations.find(stationId).map(StationRef::communityId).orElse(null);
    }
}
