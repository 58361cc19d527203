package cn.doorstep.volunteer;

import cn.doorstep.audit.AuditLog;
import cn.doorstep.auth.RoleService.Holder;
import cn.doorstep.auth.RoleService;
import cn.doorstep.common.ApiException;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.common.Role;
import cn.doorstep.common.Transactions;
import cn.doorstep.common.Zones;
import cn.doorstep.community.CommunityService;
import cn.doorstep.notify.NotificationKind;
import cn.doorstep.notify.Notifier;
import cn.doorstep.user.PhoneMask;
import cn.doorstep.user.UserService;
import cn.doorstep.user.UserView;
import cn.doorstep.volunteer.internal.VolunteerApplication;
import cn.doorstep.volunteer.internal.VolunteerApplicationMapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admins' side: the applications and volunteers of the communities they administer (a street's or
 * district's admin: every community below), approving, rejecting and revoking. Anything outside their
 * communities does not exist for them (404). A decision is {@code UPDATE ... WHERE id = ? AND status =
 * 'PENDING'}: of many admins deciding at once exactly one changes the row, and only that one grants the
 * role, writes the audit row and tells the applicant.
 */
@Service
public class VolunteerAdministration {

    private static final DateTimeFormatter NOTICE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final VolunteerApplicationMapper applications;
    private final ApplicationViews views;
    private final CommunityService communities;
    private final UserService users;
    private final RoleService roles;
    private final AuditLog audit;
    private final Notifier notifier;
    private final Transactions transactions;
    private final Clock clock;

    VolunteerAdministration(VolunteerApplicationMapper applications, ApplicationViews views,
                            CommunityService communities, UserService users, RoleService roles, AuditLog audit,
                            Notifier notifier, Transactions transactions, Clock clock) {
        this.applications = applications;
        this.views = views;
        this.communities = communities;
        this.users = users;
        this.roles = roles;
        this.audit = audit;
        this.notifier = notifier;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** @param communityId null for all the caller's communities; one that is not theirs lists nothing */
    @Transactional(readOnly = true)
    public PageResult<ApplicationView> applications(CurrentUser me, Long communityId, ApplicationStatus status,
                                                    PageQuery page) {
        Set<Long> scope = scope(me, communityId);
        if (scope.isEmpty()) {
            return PageResult.of(List.of(), 0, page);
        }
        return views.page(applications.selectForReview(scope, status == null ? null : status.name(),
                new Page<>(page.page(), page.size())), page);
    }

    /** Approves a PENDING application: the applicant becomes a VOLUNTEER of its community; audited, told. */
    public ApplicationView approve(CurrentUser me, long id) {
        VolunteerApplication application = requireDecidable(me, id);
        Instant now = clock.instant();
        transactions.readCommitted(() -> {
            if (applications.approveIfPending(id, me.id(), now) == 0) {
                throw alreadyDecided(id);
            }
            roles.grant(application.getUserId(), Role.VOLUNTEER, application.getCommunityId());
            audit.record(me.id(), application.getCommunityId(), "volunteer.approve", "volunteer_application", id,
                    "community " + application.getCommunityId());
            tell(application, NotificationKind.VOLUNTEER_APPROVED, "已通过", "欢迎加入社区志愿者队伍", now);
        });
        return views.one(applications.selectById(id));
    }

    /** Rejects a PENDING application with a reason the applicant reads; they may apply again. Audited, told. */
    public ApplicationView reject(CurrentUser me, long id, String reason) {
        VolunteerApplication application = requireDecidable(me, id);
        Instant now = clock.instant();
        String why = reason.strip();
        transactions.readCommitted(() -> {
            if (applications.rejectIfPending(id, why, me.id(), now) == 0) {
                throw alreadyDecided(id);
            }
            audit.record(me.id(), application.getCommunityId(), "volunteer.reject", "volunteer_application", id,
                    "community " + application.getCommunityId());
            tell(application, NotificationKind.VOLUNTEER_REJECTED, "未通过", why, now);
        });
        return views.one(applications.selectById(id));
    }

    /**
     * A page of the volunteers of the caller's communities, or of the one asked for (by community, then
     * user), with their approved applications' skills: the holders (and their count), their users, their
     * applications and the communities' names in one statement each.
     */
    @Transactional(readOnly = true)
    public PageResult<VolunteerView> volunteers(CurrentUser me, Long communityId, PageQuery page) {
        PageResult<Holder> holders = roles.holders(Role.VOLUNTEER, scope(me, communityId), page);
        List<Long> userIds = holders.items().stream().map(Holder::userId).distinct().toList();
        List<Long> communityIds = holders.items().stream().map(Holder::scopeId).distinct().toList();
        if (userIds.isEmpty()) {
            return PageResult.of(List.of(), holders.total(), page);
        }
        Map<Long, UserView> people = users.findAll(userIds);
        Map<Long, String> names = communities.namesOf(communityIds);
        Map<String, VolunteerApplication> approved = applications.selectApproved(userIds, communityIds).stream()
                .collect(Collectors.toMap(a -> a.getUserId() + ":" + a.getCommunityId(), Function.identity()));
        return PageResult.of(holders.items().stream().map(h -> {
            VolunteerApplication a = approved.get(h.userId() + ":" + h.scopeId());
            UserView user = people.get(h.userId());
            String phone = a != null && a.getContactPhone() != null ? PhoneMask.mask(a.getContactPhone())
                    : user == null ? null : user.phone(); // UserView's phone is masked already
            return new VolunteerView(h.userId(), h.scopeId(), names.get(h.scopeId()),
                    user == null ? null : user.nickname(), a == null ? null : a.getRealName(), phone,
                    a == null ? List.of() : ApplicationViews.skills(a.getSkills()),
                    a == null ? null : a.getAvailability(), a == null ? null : a.getId(),
                    a == null ? null : a.getReviewedAt());
        }).toList(), holders.total(), page);
    }

    /**
     * Ends a volunteer's service for one of the caller's communities: the role goes, the approved
     * application (if the role came from one) becomes REVOKED with the reason; audited. The application
     * first, then the role, in the order approval takes them; of two admins revoking at once, the second
     * finds nothing left (404).
     */
    public void revoke(CurrentUser me, long userId, long communityId, String reason) {
        if (!me.isAdminOf(communityId)) {
            throw new ApiException(VolunteerError.VOLUNTEER_NOT_FOUND);
        }
        transactions.readCommitted(() -> {
            int ended = applications.endIfApproved(userId, communityId, ApplicationStatus.REVOKED.name(), reason.strip(),
                    me.id(), clock.instant());
            boolean revoked = roles.revoke(userId, Role.VOLUNTEER, communityId);
            if (ended == 0 && !revoked) {
                throw new ApiException(VolunteerError.VOLUNTEER_NOT_FOUND);
            }
            audit.record(me.id(), communityId, "volunteer.revoke", "user", userId, "community " + communityId);
            Instant now = clock.instant();
            // one notice per revocation: a volunteer approved again and revoked again is told again
            tell(userId, communityId, NotificationKind.VOLUNTEER_REVOKED, "已结束", reason.strip(), now,
                    "volunteer-revoked:" + userId + ":" + communityId + ":" + now.toEpochMilli());
        });
    }

    /** The caller's communities, or the one asked for if it is theirs (else none). */
    private static Set<Long> scope(CurrentUser me, Long communityId) {
        if (communityId == null) {
            return me.adminCommunityIds();
        }
        return me.isAdminOf(communityId) ? Set.of(communityId) : Set.of();
    }

    private VolunteerApplication requireDecidable(CurrentUser me, long id) {
        VolunteerApplication application = applications.selectById(id);
        if (application == null || !me.isAdminOf(application.getCommunityId())) {
            throw new ApiException(VolunteerError.APPLICATION_NOT_FOUND);
        }
        if (application.getUserId() == me.id()) {
            throw new ApiException(VolunteerError.OWN_APPLICATION);
        }
        return application;
    }

    /** The conditional update matched nothing: someone decided first (read as committed now). */
    private ApiException alreadyDecided(long id) {
        String status = applications.selectById(id).getStatus();
        return new ApiException(VolunteerError.ALREADY_DECIDED, "The application is " + status + " already",
                Map.of("status", status));
    }

    /**
     * The applicant's notice: {@code thing1} the community, {@code phrase2} the result, {@code thing3} a
     * note (the reason of a rejection), {@code time4} when (China time). One per application and result.
     */
    private void tell(VolunteerApplication application, NotificationKind kind, String result, String note, Instant at) {
        tell(application.getUserId(), application.getCommunityId(), kind, result, note, at,
                kind.name().toLowerCase().replace('_', '-') + ":" + application.getId());
    }

    /** A notice of the user's volunteering for a community: its name, the result, a note, the time. */
    private void tell(long userId, long communityId, NotificationKind kind, String result, String note, Instant at,
                      String dedupeKey) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("thing1", communities.namesOf(List.of(communityId)).getOrDefault(communityId, "社区"));
        fields.put("phrase2", result);
        fields.put("thing3", note);
        fields.put("time4", NOTICE_TIME.format(at.atZone(Zones.CHINA)));
        notifier.notify(userId, kind, fields, "pages/volunteer/applications", dedupeKey);
    }
}
