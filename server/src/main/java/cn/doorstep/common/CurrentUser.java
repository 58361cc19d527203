package cn.doorstep.common;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * The signed-in caller, resolved from the bearer token on every request. Controllers receive it
 * with {@code @AuthenticationPrincipal CurrentUser me}; services use it to check scope, never the
 * caller's own claims in a request body.
 */
public record CurrentUser(long id, Set<RoleGrant> grants) {

    public CurrentUser {
        grants = Set.copyOf(grants);
    }

    public boolean isStaffOf(long stationId) {
        return grants.contains(new RoleGrant(Role.STAFF, stationId));
    }

    /**
     * A community's admin: by a grant for that community, or as the STREET_ADMIN or DISTRICT_ADMIN above it
     * (their grants arrive expanded into the ADMIN grants of every community below them).
     */
    public boolean isAdminOf(long communityId) {
        return grants.contains(new RoleGrant(Role.ADMIN, communityId));
    }

    public boolean isGridHeadOf(long gridId) {
        return grants.contains(new RoleGrant(Role.GRID_HEAD, gridId));
    }

    public boolean isUnitAdminOf(long unitId) {
        return grants.contains(new RoleGrant(Role.UNIT_ADMIN, unitId));
    }

    /** One of a department's people (see the reports module): acts on the reports routed to it. */
    public boolean isDepartmentOf(long departmentId) {
        return grants.contains(new RoleGrant(Role.DEPARTMENT, departmentId));
    }

    public boolean has(Role role) {
        return grants.stream().anyMatch(g -> g.role() == role);
    }

    /** The city-level admin (DESIGN §1): what spans communities. */
    public boolean isPlatformAdmin() {
        return grants.contains(new RoleGrant(Role.PLATFORM, 0));
    }

    /** The communities this user acts as admin for (directly, or below a street or district they administer). */
    public Set<Long> adminCommunityIds() {
        return scopesOf(Role.ADMIN);
    }

    /** The stations, communities, grids or units (by role) this user holds the role for. */
    public Set<Long> scopesOf(Role role) {
        return grants.stream().filter(g -> g.role() == role).map(RoleGrant::scopeId).collect(Collectors.toUnmodifiableSet());
    }
}
