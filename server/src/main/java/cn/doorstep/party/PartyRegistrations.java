package cn.doorstep.party;

import cn.doorstep.audit.AuditLog;
import cn.doorstep.common.ApiException;
import cn.doorstep.common.CommonError;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.common.Role;
import cn.doorstep.community.CommunityService;
import cn.doorstep.notify.NotificationKind;
import cn.doorstep.notify.Notifier;
import cn.doorstep.party.PartyViews.PartyRegistrationRequest;
import cn.doorstep.party.PartyViews.PartyRegistrationView;
import cn.doorstep.party.internal.PartyRegistration;
import cn.doorstep.party.internal.PartyRegistrationMapper;
import cn.doorstep.party.internal.PartyUnit;
import cn.doorstep.party.internal.PartyUnitMapper;
import cn.doorstep.wish.PartyMembers;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 社区报到: an in-service party member registers with their home community, naming their unit; an
 * admin of that community confirms (or rejects with a reason) the version they read, once. A
 * confirmed member may claim wishes like a volunteer.
 */
@Service
public class PartyRegistrations implements PartyMembers {

    private final PartyRegistrationMapper registrations;
    private final PartyUnitMapper units;
    private final CommunityService communities;
    private final AuditLog audit;
    private final Notifier notifier;
    private final Clock clock;

    PartyRegistrations(PartyRegistrationMapper registrations, PartyUnitMapper units, CommunityService communities,
                       AuditLog audit, Notifier notifier, Clock clock) {
        this.registrations = registrations;
        this.units = units;
        this.communities = communities;
        this.audit = audit;
        this.notifier = notifier;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean isConfirmedMember(long userId) {
        PartyRegistration r = registrations.selectByUser(userId);
        return r != null && RegistrationStatus.CONFIRMED.name().equals(r.getStatus());
    }

    @Transactional
    public PartyRegistrationView register(CurrentUser me, PartyRegistrationRequest request) {
        communities.requireKnown(request.communityId(), "communityId");
        if (units.selectById(request.unitId()) == null) {
            throw ApiException.badField(PartyError.UNKNOWN_UNIT, "unitId", "no unit has this id");
        }
        String name = request.realName().strip();
        PartyRegistration existing = registrations.selectByUser(me.id());
        if (existing == null) {
            var r = new PartyRegistration();
            r.setUserId(me.id());
            r.setCommunityId(request.communityId());
            r.setUnitId(request.unitId());
            r.setRealName(name);
            r.setStatus(RegistrationStatus.PENDING.name());
            r.setVersion(0);
            try {
                registrations.insert(r);
            } catch (DuplicateKeyException raced) {
                throw new ApiException(CommonError.CONFLICT, "Registration already in progress");
            }
        } else if (registrations.resubmit(me.id(), request.communityId(), request.unitId(), name, clock.instant()) == 0) {
            throw new ApiException(PartyError.ALREADY_CONFIRMED);
        }
        return view(registrations.selectByUser(me.id()));
    }

    @Transactional(readOnly = true)
    public PartyRegistrationView mine(CurrentUser me) {
        PartyRegistration r = registrations.selectByUser(me.id());
        if (r == null) {
            throw new ApiException(PartyError.NOT_REGISTERED);
        }
        return view(r);
    }

    @Transactional(readOnly = true)
    public PageResult<PartyRegistrationView> forReview(CurrentUser admin, RegistrationStatus status, PageQuery page) {
        Set<Long> scope = admin.scopesOf(Role.ADMIN);
        if (scope.isEmpty()) {
            return PageResult.of(List.of(), 0, page);
        }
        var rows = registrations.selectForReview(scope, status == null ? null : status.name(),
                new Page<>(page.page(), page.size()));
        List<PartyRegistration> found = rows.getRecords();
        Map<Long, PartyUnit> unitsById = found.isEmpty() ? Map.of()
                : units.selectByIds(found.stream().map(PartyRegistration::getUnitId).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(PartyUnit::getId, Function.identity()));
        return PageResult.of(found.stream().map(r -> view(r, unitsById.get(r.getUnitId()))).toList(),
                rows.getTotal(), page);
    }

    /** Confirms the pending registration at the version the admin read: the member may claim wishes. */
    @Transactional
    public PartyRegistrationView confirm(CurrentUser admin, long id, int seenVersion) {
        PartyRegistration r = requireReviewable(admin, id);
        if (registrations.confirm(id, seenVersion, admin.id(), clock.instant()) == 0) {
            throw whyUndecided(id);
        }
        audit.record(admin.id(), r.getCommunityId(), "party.confirm", "party_registration", id, null);
        PartyRegistration confirmed = registrations.selectById(id);
        notifier.notify(confirmed.getUserId(), NotificationKind.PARTY_CONFIRMED,
                Map.of("thing1", communityName(confirmed)), "pages/party/registration",
                "party-confirmed:" + id + ":" + seenVersion);
        return view(confirmed);
    }

    /** Rejects the pending registration at the version the admin read; the member reads the reason. */
    @Transactional
    public PartyRegistrationView reject(CurrentUser admin, long id, int seenVersion, String reason) {
        PartyRegistration r = requireReviewable(admin, id);
        if (registrations.reject(id, seenVersion, admin.id(), reason.strip(), clock.instant()) == 0) {
            throw whyUndecided(id);
        }
        audit.record(admin.id(), r.getCommunityId(), "party.reject", "party_registration", id, null);
        PartyRegistration rejected = registrations.selectById(id);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("thing1", communityName(rejected));
        fields.put("thing2", reason.strip());
        notifier.notify(rejected.getUserId(), NotificationKind.PARTY_REJECTED, fields, "pages/party/registration",
                "party-rejected:" + id + ":" + seenVersion);
        return view(rejected);
    }

    private String communityName(PartyRegistration r) {
        return communities.find(r.getCommunityId()).map(c -> c.name()).orElse("社区");
    }

    /** The conditional update matched nothing: decided already, or sent again since the admin read it. */
    private ApiException whyUndecided(long id) {
        boolean pending = RegistrationStatus.PENDING.name().equals(registrations.selectById(id).getStatus());
        return new ApiException(pending ? PartyError.REGISTRATION_CHANGED : PartyError.ALREADY_REVIEWED);
    }

    private PartyRegistration requireReviewable(CurrentUser admin, long id) {
        PartyRegistration r = registrations.selectById(id);
        if (r == null || !admin.isAdminOf(r.getCommunityId())) {
            throw new ApiException(PartyError.REGISTRATION_NOT_FOUND);
        }
        if (r.getUserId() == admin.id()) {
            throw new ApiException(PartyError.OWN_REGISTRATION);
        }
        return r;
    }

    private PartyRegistrationView view(PartyRegistration r) {
        return view(r, units.selectById(r.getUnitId()));
    }

    /** @param unit null when the unit is gone */
    private static PartyRegistrationView view(PartyRegistration r, PartyUnit unit) {
        return new PartyRegistrationView(r.getId(), r.getUserId(), r.getCommunityId(), r.getUnitId(),
                unit == null ? null : unit.getName(), r.getRealName(), RegistrationStatus.valueOf(r.getStatus()),
                r.getRejectReason(), r.getReviewedAt(), r.getCreatedAt(), r.getVersion());
    }
}
