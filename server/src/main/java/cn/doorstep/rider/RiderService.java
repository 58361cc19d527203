package cn.doorstep.rider;

import cn.doorstep.audit.AuditLog;
import cn.doorstep.auth.RoleService;
import cn.doorstep.common.ApiException;
import cn.doorstep.common.CommonError;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.common.Role;
import cn.doorstep.community.CommunityService;
import cn.doorstep.rider.internal.Rider;
import cn.doorstep.rider.internal.RiderMapper;
import cn.doorstep.station.StationDirectory;
import cn.doorstep.user.UserService;
import cn.doorstep.user.UserView;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
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
    private final Clock clock;

    RiderService(RiderMapper riders, UserService users, CommunityService communities, StationDirectory stations,
                 RoleService roles, AuditLog audit, Clock clock) {
        this.riders = riders;
        this.users = users;
        this.communities = communities;
        this.stations = stations;
        this.roles = roles;
        this.audit = audit;
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
        if (rider == null) {
            rider = new Rider();
            rider.setUserId(me.id());
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
            riders.updateById(rider);
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

    @Transactional(readOnly = true)
    public PageResult<RiderView> forReview(CurrentUser me, Reviewer as, RiderStatus status, PageQuery page) {
        Set<Long> scope = communitiesReviewedBy(me, as);
        if (scope.isEmpty()) {
            return PageResult.of(java.util.List.of(), 0, page);
        }
        Page<Rider> rows = riders.selectForReview(scope, status == null ? null : status.name(),
                new Page<>(page.page(), page.size()));
        return PageResult.of(rows.getRecords().stream().map(r -> view(r, users.get(r.getUserId()))).toList(),
                rows.getTotal(), page);
    }

    /** Verifies a pending registration: issues the community pass and makes the user a RIDER. */
    @Transactional
    public RiderView verify(CurrentUser me, Reviewer as, long riderId) {
        Rider rider = requireReviewable(me, as, riderId);
        String passNo = String.format("JL-%06d-%06d", rider.getHomeCommunityId(), rider.getId());
        if (riders.verifyIfPending(riderId, passNo, me.id(), clock.instant()) == 0) {
            throw new ApiException(RiderError.ALREADY_REVIEWED);
        }
        roles.grant(rider.getUserId(), Role.RIDER, 0);
        audit.record(me.id(), "rider.verify", "rider", riderId, "pass " + passNo);
        return view(riders.selectById(riderId), users.get(rider.getUserId()));
    }

    @Transactional
    public RiderView reject(CurrentUser me, Reviewer as, long riderId, String reason) {
        Rider rider = requireReviewable(me, as, riderId);
        if (riders.rejectIfPending(riderId, reason, me.id(), clock.instant()) == 0) {
            throw new ApiException(RiderError.ALREADY_REVIEWED);
        }
        audit.record(me.id(), "rider.reject", "rider", riderId, reason);
        return view(riders.selectById(riderId), users.get(rider.getUserId()));
    }

    private Rider requireReviewable(CurrentUser me, Reviewer as, long riderId) {
        Rider rider = riders.selectById(riderId);
        if (rider == null || !communitiesReviewedBy(me, as).contains(rider.getHomeCommunityId())) {
            throw new ApiException(RiderError.RIDER_NOT_FOUND);
        }
        return rider;
    }

    private Set<Long> communitiesReviewedBy(CurrentUser me, Reviewer as) {
        return as == Reviewer.ADMIN ? me.scopesOf(Role.ADMIN) : stations.communitiesOf(me.scopesOf(Role.STAFF));
    }

    private static void fill(Rider rider, RegistrationRequest request) {
        rider.setPlatform(request.platform().name());
        rider.setRealName(request.realName().strip());
        rider.setHomeCommunityId(request.homeCommunityId());
        rider.setStatus(RiderStatus.PENDING.name());
    }

    private static RiderView view(Rider r, UserView user) {
        Instant reviewedAt = r.getReviewedAt();
        return new RiderView(r.getId(), r.getUserId(), Platform.valueOf(r.getPlatform()), r.getRealName(), user.phone(),
                r.getHomeCommunityId(), RiderStatus.valueOf(r.getStatus()), r.getPassNo(), r.getRejectReason(),
                reviewedAt, r.getCreatedAt());
    }
}
