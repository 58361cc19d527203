package cn.doorstep.auth;

import cn.doorstep.auth.internal.UserRole;
import cn.doorstep.auth.internal.UserRoleMapper;
import cn.doorstep.common.AfterCommit;
import cn.doorstep.common.Role;
import cn.doorstep.common.RoleGrant;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who holds which role. MySQL is the record; Redis keeps a copy per user ({@code auth:roles:{id}})
 * because every authenticated request needs it. A change drops the copy after commit.
 */
@Service
public class RoleService {

    private static final Duration CACHE_TTL = Duration.ofHours(1);

    private final UserRoleMapper roles;
    private final StringRedisTemplate redis;

    RoleService(UserRoleMapper roles, StringRedisTemplate redis) {
        this.roles = roles;
        this.redis = redis;
    }

    public Set<RoleGrant> grantsOf(long userId) {
        String key = cacheKey(userId);
        String cached = redis.opsForValue().get(key);
        if (cached != null) {
            return decode(cached);
        }
        Set<RoleGrant> grants = roles.selectByUser(userId).stream()
                .map(r -> new RoleGrant(r.getRole(), r.getScopeId())).collect(Collectors.toUnmodifiableSet());
        redis.opsForValue().set(key, encode(grants), CACHE_TTL);
        return grants;
    }

    @Transactional
    public void grant(long userId, Role role, long scopeId) {
        roles.insertIgnore(userId, role, role.scoped() ? scopeId : 0);
        forgetAfterCommit(userId);
    }

    @Transactional
    public boolean revoke(long userId, Role role, long scopeId) {
        boolean removed = roles.deleteGrant(userId, role, role.scoped() ? scopeId : 0) > 0;
        forgetAfterCommit(userId);
        return removed;
    }

    /** The users holding a scoped role, e.g. the staff of one station. */
    @Transactional(readOnly = true)
    public List<Long> holders(Role role, long scopeId) {
        return roles.selectByRoleAndScope(role, scopeId).stream().map(UserRole::getUserId).toList();
    }

    private void forgetAfterCommit(long userId) {
        String key = cacheKey(userId);
        redis.delete(key); // now, so this transaction's own reads miss the stale copy
        AfterCommit.run(() -> redis.delete(key)); // and again, so no reader re-cached the old grants meanwhile
    }

    private static String cacheKey(long userId) {
        return "auth:roles:" + userId;
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
