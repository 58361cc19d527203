package cn.doorstep.auth;

import cn.doorstep.audit.AuditLog;
import cn.doorstep.common.AfterCommit;
import cn.doorstep.common.ApiException;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.Role;
import cn.doorstep.user.UserService;
import cn.doorstep.user.UserView;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An admin disabling or enabling someone's account. A community admin acts on the users of their
 * communities (anyone else is simply not found) who are not admins themselves; a platform admin on
 * anyone; nobody disables themselves.
 */
@Service
public class AccountService {

    private final UserService users;
    private final TokenService tokens;
    private final RoleService roles;
    private final AuditLog audit;
    private final Clock clock;

    AccountService(UserService users, TokenService tokens, RoleService roles, AuditLog audit, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.roles = roles;
        this.audit = audit;
        this.clock = clock;
    }

    /** Disables the account: its sessions end at once and its logins answer ACCOUNT_DISABLED. */
    @Transactional
    public AccountStatus disable(CurrentUser actor, long userId) {
        if (actor.id() == userId) {
            throw new ApiException(AuthError.CANNOT_DISABLE_SELF);
        }
        UserView target = requireManageable(actor, userId);
        if (users.disable(userId, clock.instant())) {
            audit.record(actor.id(), target.communityId(), "user.disable", "user", userId, null);
        }
        // After commit, and on a repeated disable too: a login racing this one looks at the flag again
        // once its token exists, so any token it issued before the commit is in the set revoked here.
        AfterCommit.run(() -> tokens.revokeAll(userId));
        return status(userId);
    }

    @Transactional
    public AccountStatus enable(CurrentUser actor, long userId) {
        UserView target = requireManageable(actor, userId);
        if (users.enable(userId)) {
            audit.record(actor.id(), target.communityId(), "user.enable", "user", userId, null);
        }
        return status(userId);
    }

    /** The user, if the actor may disable or enable them; their community files the audit row. */
    private UserView requireManageable(CurrentUser actor, long userId) {
        UserView target = users.requireInScopeOf(actor, userId);
        if (actor.isPlatformAdmin()) {
            return target;
        }
        // an admin living in the community is not the community admin's to silence (nor to let back in):
        // admins answer to the platform admin, or one admin could lock out the others
        boolean anAdmin = roles.grantsOf(userId).stream().anyMatch(g -> g.role() == Role.ADMIN || g.role() == Role.PLATFORM
                || g.role() == Role.STREET_ADMIN || g.role() == Role.DISTRICT_ADMIN);
        if (anAdmin) {
            throw new ApiException(AuthError.ADMIN_ACCOUNT);
        }
        return target;
    }

    private AccountStatus status(long userId) {
        var since = users.disabledSince(userId);
        return new AccountStatus(userId, since.isPresent(), since.orElse(null));
    }
}
