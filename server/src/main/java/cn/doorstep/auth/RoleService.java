package cn.doorstep.auth;

import cn.doorstep.auth.internal.UserRole;
import cn.doorstep.auth.internal.UserRoleMapper;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.common.Role;
import cn.doorstep.common.RoleGrant;
import cn.doorstep.common.VersionedCopies;
import cn.doorstep.community.CommunityService;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Who holds which role. MySQL is the record; Redis keeps a copy per user ({@code auth:{id}:roles:2})
 * because every authenticated request needs it, beside its version ({@code auth:{id}:roles:ver}), as a
 * {@link VersionedCopies} copy: a change drops it once the transaction is over, and a reader that loaded
 * the grants before a revoke committed cannot put them back after the revoke dropped the copy.
 */
@Service
public class RoleService {

    /**
     * The copy's generation ("2"): bumped whenever what a copy means changes, so a new release never reads a
     * copy the one before wrote (generation 2: VOLUNTEER per community, street and district admins expanded).
     * Copies of an older generation are simply not read, and expire within {@link #CACHE_TTL}. The user id
     * in braces is the hash tag the user's sessions share (Redis Cluster: {@link TokenService}).
     */
    private static final String GENERATION = "2";
    /**
     * The names before the hash tag (until this release): a change still drops those copies too, so an
     * instance of the older release serving during a rolling deploy does not keep grants a change on this
     * one revoked. Remove with the release after this one.
     */
    private static final String LEGACY_CACHE_PREFIX = "auth:roles:2:";
    private static final String LEGACY_VERSION_PREFIX = "auth:roles:ver:";
    private static final Duration CACHE_TTL = Duration.ofHours(1);

    /** The order grants are shown in. */
    public static final Comparator<RoleGrant> BY_ROLE_AND_SCOPE =
            Comparator.comparing(RoleGrant::role).thenComparingLong(RoleGrant::scopeId);

    private final UserRoleMapper roles;
    private final CommunityService communities;
    private final VersionedCopies copies;

    RoleService(UserRoleMapper roles, CommunityService communities, VersionedCopies copies) {
        this.roles = roles;
        this.communities = communities;
        this.copies = copies;
    }

    public Set<RoleGrant> grantsOf(long userId) {
        // one round trip for both
        VersionedCopies.Copy copy = copies.read(cacheKey(userId), versionKey(userId));
        return grantsFrom(userId, copy.value(), copy.version());
    }

    /**
     * The grants, from the copy and version read together from Redis (by {@link #grantsOf} or by the
     * session lookup, {@link TokenService#resolve}); from MySQL when there is no copy.
     */
    Set<RoleGrant> grantsFrom(long userId, String cached, String version) {
        if (cached != null) {
            return decode(cached);
        }
        Set<RoleGrant> grants = withCommunitiesBelow(roles.selectByUser(userId).stream()
                .map(r -> new RoleGrant(r.getRole(), r.getScopeId())).collect(Collectors.toUnmodifiableSet()));
        copies.keep(cacheKey(userId), versionKey(userId), version, encode(grants), CACHE_TTL);
        return grants;
    }

    /**
     * A street's or district's admin acts as the ADMIN of every community below: the grants gain those ADMIN
     * grants here, once per cached copy, so each community check (CurrentUser#isAdminOf) and each list by
     * scope holds them to their street or district without knowing streets at all.
     */
    private Set<RoleGrant> withCommunitiesBelow(Set<RoleGrant> held) {
        Set<Long> streetIds = scopes(held, Role.STREET_ADMIN);
        Set<Long> districtIds = scopes(held, Role.DISTRICT_ADMIN);
        if (streetIds.isEmpty() && districtIds.isEmpty()) {
            return held;
        }
        Set<RoleGrant> expanded = new HashSet<>(held);
        communities.communityIdsUnder(streetIds, districtIds).forEach(id -> expanded.add(new RoleGrant(Role.ADMIN, id)));
        return Set.copyOf(expanded);
    }

    private static Set<Long> scopes(Set<RoleGrant> grants, Role role) {
        return grants.stream().filter(g -> g.role() == role).map(RoleGrant::scopeId).collect(Collectors.toSet());
    }

    /** Grants the role (an unscoped one with scope 0); answers whether it is new (granting twice keeps one row). */
    @Transactional
    public boolean grant(long userId, Role role, long scopeId) {
        boolean added = roles.insertIgnore(userId, role, role.scoped() ? scopeId : 0) > 0;
        invalidate(userId);
        return added;
    }

    @Transactional
    public boolean revoke(long userId, Role role, long scopeId) {
        boolean removed = roles.deleteGrant(userId, role, role.scoped() ? scopeId : 0) > 0;
        invalidate(userId);
        return removed;
    }

    /**
     * The roles these users hold as granted (a street's admin as STREET_ADMIN, not expanded into its
     * communities), by user then role and scope: one statement. Users without any are left out.
     */
    @Transactional(readOnly = true)
    public Map<Long, List<RoleGrant>> heldBy(Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        return roles.selectByUsers(userIds).stream().collect(Collectors.groupingBy(UserRole::getUserId, TreeMap::new,
                Collectors.mapping(r -> new RoleGrant(r.getRole(), r.getScopeId()), Collectors.collectingAndThen(
                        Collectors.toList(), list -> list.stream().sorted(BY_ROLE_AND_SCOPE).toList()))));
    }

    /** Whether anyone at all holds this role (e.g. is there a platform admin yet). */
    @Transactional(readOnly = true)
    public boolean anyoneHolds(Role role) {
        return roles.existsRole(role);
    }

    /** Who holds a scoped role where: a user and the scope (a station, a grid) they hold it for. */
    public record Holder(long userId, long scopeId) {
    }

    /**
     * A page of the users holding a scoped role in any of these scopes (the staff of a station, the grid
     * heads of a community's grids), by scope then user, in one statement (and its count).
     */
    @Transactional(readOnly = true)
    public PageResult<Holder> holders(Role role, Collection<Long> scopeIds, PageQuery page) {
        if (scopeIds.isEmpty()) {
            return PageResult.of(List.of(), 0, page);
        }
        Page<UserRole> rows = roles.selectByRoleAndScopes(role, scopeIds, new Page<>(page.page(), page.size()));
        return PageResult.of(rows.getRecords().stream().map(r -> new Holder(r.getUserId(), r.getScopeId())).toList(),
                rows.getTotal(), page);
    }

    /**
     * Now, so this transaction's own reads miss the old copy; and again when the transaction is over
     * (committed or rolled back), so nothing cached meanwhile outlives it.
     */
    private void invalidate(long userId) {
        Runnable bump = () -> {
            copies.forget(cacheKey(userId), versionKey(userId));
            // one key per command: the legacy names hash to different Cluster slots
            copies.forgetEach(LEGACY_CACHE_PREFIX + userId, LEGACY_VERSION_PREFIX + userId);
        };
        bump.run();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    bump.run();
                }
            });
        }
    }

    /** {@code auth:{userId}:roles:2}: the cached grants. */
    static String cacheKey(long userId) {
        return "auth:{" + userId + "}:roles:" + GENERATION;
    }

    /** {@code auth:{userId}:roles:ver}: the copy's version. */
    static String versionKey(long userId) {
        return "auth:{" + userId + "}:roles:ver";
    }

    private static String encode(Set<RoleGrant> grants) {
        return grants.stream().map(g -> g.role() + ":" + g.scopeId()).sorted().collect(Collectors.joining(","));
    }

    private static Set<RoleGrant> decode(String value) {
        if (value.isEmpty()) {
            return Set.of();
        }
        return Arrays.stream(value.split(",")).map(part -> {
            int colon = part.indexOf(':');
            return new RoleGrant(Role.valueOf(part.substring(0, colon)), Long.parseLong(part.substring(colon + 1)));
        }).collect(Collectors.toUnmodifiableSet());
    }
}
