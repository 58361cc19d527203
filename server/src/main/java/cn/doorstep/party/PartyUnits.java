package cn.doorstep.party;

import cn.doorstep.audit.AuditLog;
import cn.doorstep.auth.RoleService;
import cn.doorstep.common.ApiException;
import cn.doorstep.common.CommonError;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.common.Role;
import cn.doorstep.community.CommunityService;
import cn.doorstep.party.PartyViews.PartyUnitView;
import cn.doorstep.party.internal.PartyUnit;
import cn.doorstep.party.internal.PartyUnitMapper;
import cn.doorstep.user.UserService;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Units (机关企事业单位) and the communities they 包联: kept by the city-level admin, read by anyone. */
@Service
public class PartyUnits {

    private final PartyUnitMapper units;
    private final CommunityService communities;
    private final RoleService roles;
    private final UserService users;
    private final AuditLog audit;

    PartyUnits(PartyUnitMapper units, CommunityService communities, RoleService roles, UserService users,
               AuditLog audit) {
        this.units = units;
        this.communities = communities;
        this.roles = roles;
        this.users = users;
        this.audit = audit;
    }

    /** A page of the units that 包联 a community, or of all units; their communities read in one statement. */
    @Transactional(readOnly = true)
    public PageResult<PartyUnitView> list(Long communityId, PageQuery page) {
        Page<PartyUnit> rows = communityId == null ? units.selectAllOrdered(new Page<>(page.page(), page.size()))
                : units.selectByCommunity(new Page<>(page.page(), page.size()), communityId);
        List<PartyUnit> found = rows.getRecords();
        Map<Long, List<Long>> communitiesOf = found.isEmpty() ? Map.of()
                : units.selectCommunitiesOf(found.stream().map(PartyUnit::getId).toList()).stream()
                .collect(Collectors.groupingBy(PartyUnitMapper.Link::unitId,
                        Collectors.mapping(PartyUnitMapper.Link::communityId, Collectors.toList())));
        return PageResult.of(found.stream().map(u -> new PartyUnitView(u.getId(), u.getName(),
                communitiesOf.getOrDefault(u.getId(), List.of()))).toList(), rows.getTotal(), page);
    }

    @Transactional(readOnly = true)
    public PartyUnitView get(long unitId) {
        return view(require(unitId));
    }

    @Transactional
    public PartyUnitView create(CurrentUser platform, String name, List<Long> communityIds) {
        requirePlatform(platform);
        communityIds.forEach(id -> communities.requireKnown(id, "communityIds"));
        var unit = new PartyUnit();
        unit.setName(name.strip());
        try {
            units.insert(unit);
        } catch (DuplicateKeyException taken) {
            throw new ApiException(PartyError.UNIT_NAME_TAKEN);
        }
        communityIds.forEach(c -> units.link(unit.getId(), c));
        audit.record(platform.id(), "party.unit-create", "party_unit", unit.getId(), null);
        return view(unit);
    }

    /** Replaces the communities a unit 包联. */
    @Transactional
    public PartyUnitView relink(CurrentUser platform, long unitId, List<Long> communityIds) {
        requirePlatform(platform);
        PartyUnit unit = require(unitId);
        communityIds.forEach(id -> communities.requireKnown(id, "communityIds"));
        units.unlinkAll(unitId);
        communityIds.forEach(c -> units.link(unitId, c));
        audit.record(platform.id(), "party.unit-communities", "party_unit", unitId, null);
        return view(unit);
    }

    /** Makes a user an admin of the unit (role UNIT_ADMIN scoped to it): they see its members' service. */
    @Transactional
    public void grantAdmin(CurrentUser platform, long unitId, long userId) {
        requirePlatform(platform);
        require(unitId);
        if (users.find(userId).isEmpty()) {
            throw ApiException.badField(CommonError.VALIDATION_FAILED, "userId", "no user has this id");
        }
        roles.grant(userId, Role.UNIT_ADMIN, unitId);
        audit.record(platform.id(), "party.unit-admin", "user", userId, "unit " + unitId);
    }

    PartyUnit require(long unitId) {
        PartyUnit unit = units.selectById(unitId);
        if (unit == null) {
            throw new ApiException(PartyError.UNIT_NOT_FOUND);
        }
        return unit;
    }

    private PartyUnitView view(PartyUnit unit) {
        return new PartyUnitView(unit.getId(), unit.getName(), units.selectCommunities(unit.getId()));
    }

    private static void requirePlatform(CurrentUser me) {
        if (!me.isPlatformAdmin()) {
            throw new ApiException(PartyError.PLATFORM_ONLY);
        }
    }
}
