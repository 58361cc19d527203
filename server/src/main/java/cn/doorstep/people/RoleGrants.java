package cn.doorstep.people;

import cn.doorstep.audit.AuditLog;
import cn.doorstep.auth.AuthError;
import cn.doorstep.auth.RoleService;
import cn.doorstep.common.ApiException;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.Role;
import cn.doorstep.common.RoleGrant;
import cn.doorstep.community.CommunityError;
import cn.doorstep.community.CommunityService;
import cn.doorstep.community.Regions.CommunityView;
import cn.doorstep.station.StationDirectory;
import cn.doorstep.station.StationStatus;
import cn.doorstep.user.UserService;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Granting and revoking roles through the API. Nobody grants or revokes a role at or above their own
 * (platform › district › street › community admin › staff, volunteer and grid head), and only within
 * their scope: a platform admin everywhere; a district admin the streets and communities of their
 * district; a street admin the communities of their street; a community admin (and the street and
 * district admins above it) the stations, grids and volunteers of the community. Each change is audited
 * and holds from the holder's next request (RoleService drops their cached grants).
 */
@Service
public class RoleGrants {

    private final RoleService roles;
    private final UserService users;
    private final CommunityService communities;
    private final StationDirectory stations;
    private final AuditLog audit;

    RoleGrants(RoleService roles, UserService users, CommunityService communities, StationDirectory stations,
               AuditLog audit) {
        this.roles = roles;
        this.users = users;
        this.communities = communities;
        this.stations = stations;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public UserRoles of(CurrentUser me, long userId) {
        users.requireInScopeOf(me, userId);
        return held(userId);
    }

    @Transactional
    public UserRoles grant(CurrentUser me, long userId, Role role, long scopeId) {
        Long community = users.requireInScopeOf(me, userId).communityId();
        authorise(me, role, scopeId);
        if (roles.grant(userId, role, scopeId)) {
            audit.record(me.id(), community, "role.grant", "user", userId, role + " " + scopeId);
        }
        return held(userId);
    }

    @Transactional
    public UserRoles revoke(CurrentUser me, long userId, Role role, long scopeId) {
        Long community = users.requireInScopeOf(me, userId).communityId();
        authorise(me, role, scopeId);
        if (!roles.revoke(userId, role, scopeId)) {
            throw new ApiException(AuthError.GRANT_NOT_HELD);
        }
        audit.record(me.id(), community, "role.revoke", "user", userId, role + " " + scopeId);
        return held(userId);
    }

    /** The role must be grantable here (400), below the caller's own (403), name a scope that exists (400) and is theirs (403). */
    private void authorise(CurrentUser me, Role role, long scopeId) {
        int level = switch (role) {
            case STAFF, VOLUNTEER, GRID_HEAD -> 0;
            case ADMIN -> 1;
            case STREET_ADMIN -> 2;
            case DISTRICT_ADMIN -> 3;
            // DEPARTMENT is granted as a department's members (reports' departments admin)
            case RESIDENT, RIDER, UNIT_ADMIN, PLATFORM, DEPARTMENT ->
                    throw ApiException.badField(AuthError.ROLE_NOT_GRANTABLE, "role", "is not granted here");
        };
        if (levelOf(me) <= level) {
            throw new ApiException(AuthError.ROLE_ABOVE_YOURS);
        }
        boolean inScope = switch (role) {
            case DISTRICT_ADMIN -> {
                if (!communities.districtExists(scopeId)) {
                    throw unknownScope();
                }
                yield me.isPlatformAdmin();
            }
            case STREET_ADMIN -> {
                long district = communities.districtOfStreet(scopeId).orElseThrow(RoleGrants::unknownScope);
                yield me.isPlatformAdmin() || me.scopesOf(Role.DISTRICT_ADMIN).contains(district);
            }
            case ADMIN -> {
                CommunityView c = communities.find(scopeId).orElseThrow(RoleGrants::unknownScope);
                yield me.isPlatformAdmin() || me.scopesOf(Role.DISTRICT_ADMIN).contains(c.districtId())
                        || me.scopesOf(Role.STREET_ADMIN).contains(c.streetId());
            }
            case STAFF -> adminOf(me, stations.find(scopeId).filter(s -> s.status() != StationStatus.DELETED)
                    .map(StationDirectory.StationRef::communityId));
            case GRID_HEAD -> adminOf(me, communities.communityOfGrid(scopeId));
            case VOLUNTEER -> adminOf(me, Optional.of(scopeId).filter(communities::exists));
            default -> throw new IllegalStateException(role.name());
        };
        if (!inScope) {
            throw new ApiException(AuthError.SCOPE_NOT_YOURS);
        }
    }

    /** Whether the caller administers the community the scope belongs to (400 when the scope does not exist). */
    private static boolean adminOf(CurrentUser me, Optional<Long> community) {
        long id = community.orElseThrow(RoleGrants::unknownScope);
        return me.isPlatformAdmin() || me.isAdminOf(id);
    }

    /** Platform 4, district admin 3, street admin 2, community admin 1, anyone else 0. */
    private static int levelOf(CurrentUser me) {
        if (me.isPlatformAdmin()) {
            return 4;
        }
        if (me.has(Role.DISTRICT_ADMIN)) {
            return 3;
        }
        if (me.has(Role.STREET_ADMIN)) {
            return 2;
        }
        return me.has(Role.ADMIN) ? 1 : 0;
    }

    private static ApiException unknownScope() {
        return ApiException.badField(CommunityError.UNKNOWN_SCOPE, "scopeId", "names nothing this role is scoped to");
    }

    private UserRoles held(long userId) {
        List<RoleGrant> held = roles.heldBy(List.of(userId)).getOrDefault(userId, List.of());
        return new UserRoles(userId, held);
    }
}
