package cn.doorstep.auth;

import cn.doorstep.audit.AuditLog;
import cn.doorstep.common.AfterCommit;
import cn.doorstep.common.ApiException;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.user.UserError;
import cn.doorstep.user.UserService;
import cn.doorstep.user.UserView;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An admin disabling or enabling someone's account. A community admin acts on the users of their
 * communities (anyone else is simply not found), a platform admin on anyone; nobody on themselves.
 */
@Service
public class AccountService {

    private final UserService users;
    private final TokenService tokens;
    private final AuditLog audit;
    private final Clock clock;

    AccountService(UserService users, TokenService tokens, AuditLog audit, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
    }

    /** Disables the account: its sessions end at once and its logins answer ACCOUNT_DISABLED. */
    @Transactional
    public AccountStatus disable(CurrentUser actor, long userId) {
        if (actor.id() == userId) {
            throw new ApiException(AuthError.CANNOT_DISABLE_SELF);
        }
        requireManageable(actor, userId);
        if (users.disable(userId, clock.instant())) {
            audit.record(actor.id(), "user.disable", "user", userId, null);
        }
        // After commit, and on a repeated disable too: a login racing this one looks at the flag again
        // once its token exists, so any token it issued before the commit is in the set revoked here.
        AfterCommit.run(() -> tokens.revokeAll(userId));
        return status(userId);
    }

    @Transactional
    public AccountStatus enable(CurrentUser actor, long userId) {
        requireManageable(actor, userId);
        if (users.enable(userId)) {
            audit.record(actor.id(), "user.enable", "user", userId, null);
        }
        return status(userId);
    }

    private void requireManageable(CurrentUser actor, long userId) {
        UserView target = users.find(userId).orElseThrow(() -> new ApiException(UserError.USER_NOT_FOUND));
        boolean theirs = target.communityId() != null && actor.isAdminOf(target.communityId());
        if (!theirs && !actor.isPlatformAdmin()) {
            throw new ApiException(UserError.USER_NOT_FOUND); // another community's user: we never say they exist
        }
    }

    private AccountStatus status(long userId) {
        var since = users.disabledSince(userId);
        return new AccountStatus(userId, since.isPresent(), since.orElse(null));
    }
}
