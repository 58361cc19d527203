package cn.doorstep.rider;

import cn.doorstep.audit.AuditLog;
import cn.doorstep.auth.RoleService;
import cn.doorstep.common.ApiException;
import cn.doorstep.common.CommonError;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.common.Role;
import cn.doorstep.common.Zones;
import cn.doorstep.community.CommunityService;
import cn.doorstep.notify.NotificationKind;
import cn.doorstep.notify.Notifier;
import cn.doorstep.rider.internal.Rider;
import cn.doorstep.rider.internal.RiderMapper;
import cn.doorstep.station.StationDirectory;
import cn.doorstep.user.PhoneChanged;
import cn.doorstep.user.UserService;
import cn.doorstep.user.UserView;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rider registration (骑手备案) and its review. Reviewers are the admins of the rider's home community
 * and the staff of stations in it; a registration outside a reviewer's communities does not exist
 * for them (404). Only a PENDING registration can be decided, and only once.
 */
@Service
public class RiderService {

    private final RiderMapper riders;
    private final UserService users;
    private final CommunityService communities;
    private final StationDirectory stations;
    private final RoleService roles;
    private final AuditLog audit;
    private final Notifier notifier;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    RiderService(RiderMapper riders, UserService users, CommunityService communities, StationDirectory stations,
                 RoleService roles, AuditLog audit, Notifier notifier, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.riders = riders;
        this.users = users;
        this.communities = communities;
        this.stations = stations;
        this.roles = roles;
        this.audit = audit;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** Who reviews: the admin path or the staff path decides which of the caller's scopes count. */
    public enum Reviewer {
        ADMIN,
        STAFF
    }

    @Transactional
    public RiderView register(CurrentUser me, RegistrationRequest request) {
        UserView user = users.get(me.id());
        if (!user.phoneBound()) {
            throw new ApiException(RiderError.PHONE_REQUIRED);
        }
        communities.requireKnown(request.homeCommunityId(), "homeCommunityId");
        Rider rider = riders.selectByUser(me.id());
        Long movedFrom = rider == null || rider.getHomeCommunityId().equals(request.homeCommunityId()) ? null
                : rider.getHomeCommunityId();
        if (rider == null) {
            rider = new Rider();
            rider.setUserId(me.id());
            rider.setVersion(0);
            fill(rider, request);
            try {
                riders.insert(rider);
            } catch (DuplicateKeyException raced) {
                throw new ApiException(CommonError.CONFLICT, "Registration already in progress");
            }
        } else {
            if (RiderStatus.VERIFIED.name().equals(rider.getStatus())) {
                throw new ApiException(RiderError.ALREADY_VERIFIED);
            }
            fill(rider, request); // a rejected or pending registration may be corrected and sent again
            rider.setRejectReason(null);
            rider.setReviewedBy(null);
            rider.setReviewedAt(null);
            if (riders.updateById(rider) == 0) { // @Version: a reviewer decided it meanwhile
                throw new ApiException(RiderError.REGISTRATION_CHANGED);
            }
        }
        LocalDate registeredOn = LocalDate.ofInstant(rider.getCreatedAt(), Zones.CHINA);
        events.publishEvent(new RiderChanged(rider.getHomeCommunityId(), registeredOn));
        if (movedFrom != null) {
            events.publishEvent(new RiderChanged(movedFrom, registeredOn));
        }
        return view(rider, user);
    }

    @Transactional(readOnly = true)
    public RiderView mine(CurrentUser me) {
        Rider rider = riders.selectByUser(me.id());
        if (rider == null) {
            throw new ApiException(RiderError.NOT_REGISTERED);
        }
        return view(rider, users.get(me.id()));
    }

    /** Whether the user's rider registration (骑手备案) is verified: for other features (e.g. 流动网格员). */
    @Transactional(readOnly = true)
    public boolean isVerified(long userId) {
        Rider rider = riders.selectByUser(userId);
        return rider != null && RiderStatus.VERIFIED.name().equals(rider.getStatus());
    }

    @Transactional(readOnly = true)
    public PageResult<RiderView> forReview(CurrentUser me, Reviewer as, RiderStatus status, PageQuery page) {
        Set<Long> scope = communitiesReviewedBy(me, as);
        if (scope.isEmpty()) {
            return PageResult.of(java.util.List.of(), 0, page);
        }
        Page<Rider> rows = riders.selectForReview(scope, status == null ? null : status.name(),
                new Page<>(page.page(), page.size()));
        Map<Long, UserView> people = users.findAll(rows.getRecords().stream().map(Rider::getUserId).toList());
        return PageResult.of(rows.getRecords().stream().map(r -> view(r, people.get(r.getUserId()))).toList(),
                rows.getTotal(), page);
    }

    /**
     * Verifies the pending registration at the version the reviewer saw: issues the community pass and
     * makes the user a RIDER.
     */
    @Transactional
    public RiderView verify(CurrentUser me, Reviewer as, long riderId, int seenVersion) {
        Rider rider = requireReviewable(me, as, riderId);
        String passNo = String.format("JL-%06d-%06d", rider.getHomeCommunityId(), rider.getId());
        if (riders.verifyIfPending(riderId, seenVersion, passNo, me.id(), clock.instant()) == 0) {
            throw whyUndecided(riderId);
        }
        roles.grant(rider.getUserId(), Role.RIDER, 0);
        events.publishEvent(new RiderChanged(rider.getHomeCommunityId(), LocalDate.ofInstant(clock.instant(), Zones.CHINA)));
        audit.record(me.id(), rider.getHomeCommunityId(), "rider.verify", "rider", riderId, null);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("thing1", communityName(rider));
        fields.put("character_string2", passNo);
        notifier.notify(rider.getUserId(), NotificationKind.RIDER_APPROVED, fields, "pages/rider/me",
                "rider-approved:" + riderId + ":" + seenVersion);
        return view(riders.selectById(riderId), users.get(rider.getUserId()));
    }

    /** Rejects the pending registration at the version the reviewer saw; the rider reads the reason. */
    @Transactional
    public RiderView reject(CurrentUser me, Reviewer as, long riderId, int seenVersion, String reason) {
        Rider rider = requireReviewable(me, as, riderId);
        if (riders.rejectIfPending(riderId, seenVersion, reason.strip(), me.id(), clock.instant()) == 0) {
            throw whyUndecided(riderId);
        }
        audit.record(me.id(), rider.getHomeCommunityId(), "rider.reject", "rider", riderId, null);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("thing1", communityName(rider));
        fields.put("thing2", reason.strip());
        notifier.notify(rider.getUserId(), NotificationKind.RIDER_REJECTED, fields, "pages/rider/me",
                "rider-rejected:" + riderId + ":" + seenVersion);
        return view(riders.selectById(riderId), users.get(rider.getUserId()));
    }

    /**
     * A verified rider who binds another phone number is reviewed again: the pass and the RIDER role
     * are withdrawn until a reviewer verifies the registration with the new number. Idempotent: a
     * redelivered event finds the registration pending already and changes nothing.
     */
    @ApplicationModuleListener
    void on(PhoneChanged event) {
        Rider before = riders.selectByUser(event.userId());
        if (riders.backToReviewIfVerified(event.userId(), clock.instant()) > 0) {
            roles.revoke(event.userId(), Role.RIDER, 0);
            if (before != null && before.getReviewedAt() != null) { // its verification no longer counts
                events.publishEvent(new RiderChanged(before.getHomeCommunityId(),
                        LocalDate.ofInstant(before.getReviewedAt(), Zones.CHINA)));
            }
        }
    }

    private String communityName(Rider rider) {
        return communities.find(rider.getHomeCommunityId()).map(c -> c.name()).orElse("社区");
    }

    /** The conditional update matched nothing: decided already, or changed since the reviewer read it. */
    private ApiException whyUndecided(long riderId) {
        Rider now = riders.selectById(riderId);
        return new ApiException(RiderStatus.PENDING.name().equals(now.getStatus())
                ? RiderError.REGISTRATION_CHANGED : RiderError.ALREADY_REVIEWED);
    }

    private Rider requireReviewable(CurrentUser me, Reviewer as, long riderId) {
        Rider rider = riders.selectById(riderId);
        if (rider == null || !communitiesReviewedBy(me, as).contains(rider.getHomeCommunityId())) {
            throw new ApiException(RiderError.RIDER_NOT_FOUND);
        }
        if (rider.getUserId() == me.id()) {
            throw new ApiException(RiderError.OWN_REGISTRATION);
        }
        return rider;
    }

    private Set<Long> communitiesReviewedBy(CurrentUser me, Reviewer as) {
        return as == Reviewer.ADMIN ? me.scopesOf(Role.ADMIN) : stations.activeCommunitiesOf(me.scopesOf(Role.STAFF));
    }

    private static void fill(Rider rider, RegistrationRequest request) {
        rider.setPlatform(request.platform().name());
        rider.setRealName(request.realName().strip());
        rider.setHomeCommunityId(request.homeCommunityId());
        rider.setStatus(RiderStatus.PENDING.name());
    }

    /** @param user null when the account is gone (then no phone is shown) */
    private static RiderView view(Rider r, UserView user) {
        Instant reviewedAt = r.getReviewedAt();
        return new RiderView(r.getId(), r.getUserId(), Platform.valueOf(r.getPlatform()), r.getRealName(),
                user == null ? null : user.phone(),
                r.getHomeCommunityId(), RiderStatus.valueOf(r.getStatus()), r.getPassNo(), r.getRejectReason(),
                reviewedAt, r.getCreatedAt(), r.getVersion());
    }
}
