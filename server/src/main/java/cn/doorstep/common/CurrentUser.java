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

    public boolean isAdminOf(long communityId) {
        return grants.contains(new RoleGrant(Role.ADMIN, communityId));
    }

    /** The city-level admin (DESIGN §1): what spans communities. */
    public boolean isPlatformAdmin() {
        return grants.contains(new RoleGrant(Role.PLATFORM, 0));
    }

    /** The stations (for STAFF) or communities (for ADMIN) this user holds the role for. */
    public Set<Long> scopesOf(Role role) {
        return grants.stream().filter(g -> g.role() == role).map(RoleGrant::scopeId).collect(Collectors.toUnmodifiableSet());
    }
}
