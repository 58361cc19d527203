package cn.doorstep.volunteer;

import cn.doorstep.auth.RoleService;
import cn.doorstep.common.ApiException;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.common.Role;
import cn.doorstep.common.RoleGrant;
import cn.doorstep.common.Transactions;
import cn.doorstep.community.CommunityService;
import cn.doorstep.user.UserService;
import cn.doorstep.volunteer.VolunteerRequests.ApplyRequest;
import cn.doorstep.volunteer.internal.VolunteerApplication;
import cn.doorstep.volunteer.internal.VolunteerApplicationMapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.time.Clock;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The resident's side: applying to a community, reading their applications, leaving. One open
 * (PENDING or APPROVED) application per user and community, held by the table's unique key on the
 * open community, however many requests race.
 */
@Service
public class VolunteerApplications {

    private final VolunteerApplicationMapper applications;
    private final ApplicationViews views;
    private final CommunityService communities;
    private final UserService users;
    private final RoleService roles;
    private final Transactions transactions;
    private final Clock clock;

    VolunteerApplications(VolunteerApplicationMapper applications, ApplicationViews views, CommunityService communities,
                          UserService users, RoleService roles, Transactions transactions, Clock clock) {
        this.applications = applications;
        this.views = views;
        this.communities = communities;
        this.users = users;
        this.roles = roles;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Outside a surrounding transaction on purpose: the insert commits on its own, so a racing twin that
     * loses on the unique key reads the winner's row (inside one REPEATABLE READ transaction it could not).
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public ApplicationView apply(CurrentUser me, ApplyRequest request) {
        long communityId = request.communityId();
        communities.requireKnown(communityId, "communityId");
        if (request.phone() == null && !users.get(me.id()).phoneBound()) {
            throw new ApiException(VolunteerError.PHONE_REQUIRED);
        }
        if (me.grants().contains(new RoleGrant(Role.VOLUNTEER, communityId))) {
            throw new ApiException(VolunteerError.ALREADY_VOLUNTEER); // also one granted before applications existed
        }
        var row = new VolunteerApplication();
        row.setUserId(me.id());
        row.setCommunityId(communityId);
        row.setRealName(request.realName().strip());
        row.setSkills(ApplicationViews.write(request.skills()));
        row.setAvailability(request.availability().strip());
        row.setContactPhone(request.phone());
        row.setStatus(ApplicationStatus.PENDING.name());
        try {
            applications.insert(row);
        } catch (DuplicateKeyException open) {
            throw whyOpen(applications.selectOpen(me.id(), communityId));
        }
        return views.one(applications.selectById(row.getId()));
    }

    @Transactional(readOnly = true)
    public PageResult<ApplicationView> mine(CurrentUser me, PageQuery page) {
        return views.page(applications.selectByUser(me.id(), new Page<>(page.page(), page.size())), page);
    }

    /**
     * The volunteer stops volunteering for the community: the role goes, the approved application
     * becomes LEFT. The application first, then the role, in the order approval takes them.
     */
    public void leave(CurrentUser me, long communityId) {
        transactions.readCommitted(() -> {
            int ended = applications.endIfApproved(me.id(), communityId, ApplicationStatus.LEFT.name(), null, me.id(),
                    clock.instant());
            boolean revoked = roles.revoke(me.id(), Role.VOLUNTEER, communityId);
            if (ended == 0 && !revoked) {
                throw new ApiException(VolunteerError.NOT_A_VOLUNTEER);
            }
        });
    }

    private static ApiException whyOpen(VolunteerApplication open) {
        if (open != null && ApplicationStatus.APPROVED.name().equals(open.getStatus())) {
            return new ApiException(VolunteerError.ALREADY_VOLUNTEER);
        }
        return new ApiException(VolunteerError.APPLICATION_PENDING, VolunteerError.APPLICATION_PENDING.message(),
                open == null ? null : Map.of("applicationId", open.getId()));
    }
}
