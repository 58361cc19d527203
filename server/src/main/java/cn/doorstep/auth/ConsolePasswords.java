package cn.doorstep.auth;

import cn.doorstep.audit.AuditLog;
import cn.doorstep.auth.ConsoleReplies.ConsoleLoginView;
import cn.doorstep.auth.internal.ConsoleCredential;
import cn.doorstep.auth.internal.ConsoleCredentialMapper;
import cn.doorstep.common.ApiException;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.RoleGrant;
import cn.doorstep.user.UserService;
import cn.doorstep.user.UserView;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Console passwords: a platform admin sets a worker's login name and initial password (audited; the worker
 * must choose their own at the next sign-in), and a worker changes their own. Only workers get one
 * ({@link ConsoleSignIn#WORKER_ROLES}): residents and riders sign in with WeChat alone.
 */
@Service
public class ConsolePasswords {

    private final ConsoleCredentialMapper credentials;
    private final ConsoleSignIn signIn;
    private final UserService users;
    private final RoleService roles;
    private final AuditLog audit;
    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();

    ConsolePasswords(ConsoleCredentialMapper credentials, ConsoleSignIn signIn, UserService users, RoleService roles,
                     AuditLog audit) {
        this.credentials = credentials;
        this.signIn = signIn;
        this.users = users;
        this.roles = roles;
        this.audit = audit;
    }

    /** Sets (or resets) a worker's login name and initial password; their authenticator, if any, stays. */
    @Transactional
    public ConsoleLoginView set(CurrentUser actor, long userId, String loginName, String password) {
        if (!actor.isPlatformAdmin()) {
            throw new ApiException(ConsoleAuthError.PLATFORM_ONLY);
        }
        UserView target = users.requireInScopeOf(actor, userId);
        if (roles.grantsOf(userId).stream().map(RoleGrant::role).noneMatch(ConsoleSignIn.WORKER_ROLES::contains)) {
            throw new ApiException(ConsoleAuthError.NOT_A_WORKER);
        }
        String name = ConsoleSignIn.normalise(loginName);
        if (credentials.loginNameTakenByAnother(name, userId)) {
            throw new ApiException(ConsoleAuthError.LOGIN_NAME_TAKEN);
        }
        ConsoleCredential existing = credentials.selectById(userId);
        var row = new ConsoleCredential();
        row.setUserId(userId);
        row.setLoginName(name);
        row.setPasswordHash(encoder.encode(password));
        row.setMustChange(true);
        try {
            if (existing == null) {
                credentials.insert(row);
            } else {
                credentials.updateById(row);
            }
        } catch (DuplicateKeyException raced) {
            throw new ApiException(ConsoleAuthError.LOGIN_NAME_TAKEN);
        }
        // the password is never written anywhere but as its hash: not in the audit row either
        audit.record(actor.id(), target.communityId(), "console.login.set", "user", userId, "loginName=" + name);
        signIn.clearFailures(name);
        return view(credentials.selectById(userId));
    }

    /** A worker changes their own password (their sessions stay). */
    @Transactional
    public ConsoleLoginView change(CurrentUser me, String currentPassword, String newPassword) {
        ConsoleCredential mine = credentials.selectById(me.id());
        if (mine == null) {
            throw new ApiException(ConsoleAuthError.NO_CONSOLE_ACCOUNT);
        }
        signIn.refuseIfLocked(mine.getLoginName());
        if (!encoder.matches(currentPassword, mine.getPasswordHash())) {
            throw new ApiException(ConsoleAuthError.WRONG_CURRENT_PASSWORD);
        }
        if (currentPassword.equals(newPassword)) {
            throw new ApiException(ConsoleAuthError.SAME_PASSWORD);
        }
        var row = new ConsoleCredential();
        row.setUserId(me.id());
        row.setPasswordHash(encoder.encode(newPassword));
        row.setMustChange(false);
        credentials.updateById(row);
        return view(credentials.selectById(me.id()));
    }

    @Transactional(readOnly = true)
    public java.util.Optional<ConsoleLoginView> of(long userId) {
        return java.util.Optional.ofNullable(credentials.selectById(userId)).map(ConsolePasswords::view);
    }

    private static ConsoleLoginView view(ConsoleCredential row) {
        return new ConsoleLoginView(row.getUserId(), row.getLoginName(), Boolean.TRUE.equals(row.getMustChange()),
                row.getTotpSecret() != null);
    }
}
