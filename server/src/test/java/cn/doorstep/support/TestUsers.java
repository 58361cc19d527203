package cn.doorstep.support;

import cn.doorstep.auth.RoleService;
import cn.doorstep.auth.TokenService;
import cn.doorstep.common.Role;
import cn.doorstep.user.UserService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes signed-in users for tests through the real services (user row, role rows, Redis session),
 * without going through WeChat each time. WeChat login itself is tested over HTTP with WireMock.
 */
public final class TestUsers {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

    private final UserService users;
    private final RoleService roles;
    private final TokenService tokens;

    TestUsers(UserService users, RoleService roles, TokenService tokens) {
        this.users = users;
        this.roles = roles;
        this.tokens = tokens;
    }

    public SignedIn resident() {
        return create(Role.RESIDENT, 0);
    }

    public SignedIn with(Role role, long scopeId) {
        return create(role, scopeId);
    }

    public SignedIn with(Role role) {
        return create(role, 0);
    }

    public void grant(SignedIn user, Role role, long scopeId) {
        roles.grant(user.id(), role, scopeId);
    }

    private SignedIn create(Role role, long scopeId) {
        long id = users.findOrCreateByOpenid("test-" + SEQUENCE.incrementAndGet(), null).user().id();
        roles.grant(id, Role.RESIDENT, 0);
        roles.grant(id, role, scopeId);
        return new SignedIn(id, tokens.issue(id));
    }

    public record SignedIn(long id, String token) {
        public String bearer() {
            return "Bearer " + token;
        }
    }
}
