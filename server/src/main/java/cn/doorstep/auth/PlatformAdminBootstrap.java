package cn.doorstep.auth;

import cn.doorstep.audit.AuditLog;
import cn.doorstep.common.Role;
import cn.doorstep.user.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first platform admin of a fresh deployment, from the operator's setting
 * {@code DOORSTEP_BOOTSTRAP_PLATFORM_ADMIN_OPENID} (README): the user with that WeChat openid becomes
 * PLATFORM at start-up if they have signed in before, else at their next WeChat sign-in. Only while no
 * platform admin exists at all: once one does, the setting does nothing (and may be removed). Audited
 * as the user's own action; logged by user id, never by openid.
 */
@Component
public class PlatformAdminBootstrap {

    private static final Logger log = LoggerFactory.getLogger(PlatformAdminBootstrap.class);

    private final UserService users;
    private final RoleService roles;
    private final AuditLog audit;
    private final String openid;

    PlatformAdminBootstrap(UserService users, RoleService roles, AuditLog audit,
                           @Value("${doorstep.auth.bootstrap-platform-admin-openid:}") String openid) {
        this.users = users;
        this.roles = roles;
        this.audit = audit;
        this.openid = openid == null ? "" : openid.strip();
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void atStartUp() {
        if (!openid.isEmpty()) {
            users.findByOpenid(openid).ifPresentOrElse(user -> grantIfNoneYet(user.id()),
                    () -> log.info("Bootstrap platform admin: the configured WeChat user has not signed in yet"));
        }
    }

    /** Called at each WeChat sign-in, before the token is issued, so the reply already carries the role. */
    @Transactional
    public void atSignIn(String signedInOpenid, long userId) {
        if (!openid.isEmpty() && openid.equals(signedInOpenid)) {
            grantIfNoneYet(userId);
        }
    }

    private void grantIfNoneYet(long userId) {
        if (roles.anyoneHolds(Role.PLATFORM)) {
            return; // a platform admin exists: the setting is spent
        }
        // the unique key (user, role, scope) keeps one row if two instances or sign-ins get here at once
        if (roles.grant(userId, Role.PLATFORM, 0)) {
            audit.record(userId, "role.bootstrap-platform", "user", userId,
                    "PLATFORM from DOORSTEP_BOOTSTRAP_PLATFORM_ADMIN_OPENID");
            log.info("Bootstrap platform admin: granted PLATFORM to user {}", userId);
        }
    }
}
