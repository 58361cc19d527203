package cn.doorstep.demo;

import cn.doorstep.auth.ConsolePasswords;
import cn.doorstep.auth.RoleService;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.Role;
import cn.doorstep.user.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Console logins (README "Console") for the local profile's demo workers, each named like its dev-login handle
 * and with the password {@value #PASSWORD}: admin (community 1), staff (station 1), street-admin (延安街道),
 * district-admin (昌邑区), platform, dept-city (城管). The platform and district admins need an authenticator:
 * theirs is enrolled with the fixed demo secret {@value #TOTP_SECRET} (type it into any authenticator app). Set
 * once, through the service a platform admin uses; the demo passwords are marked as chosen, and the secret is
 * written directly (no service sets a known secret, on purpose).
 */
@Component
@Profile("local")
@ConditionalOnProperty(name = "doorstep.demo.enabled", havingValue = "true")
@Order(130) // after DemoWishes (100) and DemoReports (110), which make most of these users
class DemoConsoleLogins implements ApplicationRunner {

    static final String PASSWORD = "Doorstep-2026";
    static final String TOTP_SECRET = "DOORSTEPDEMOTOTPSECRET234567ABCD";

    private static final Logger log = LoggerFactory.getLogger(DemoConsoleLogins.class);

    private final UserService users;
    private final RoleService roles;
    private final ConsolePasswords passwords;
    private final JdbcTemplate jdbc;

    DemoConsoleLogins(UserService users, RoleService roles, ConsolePasswords passwords, JdbcTemplate jdbc) {
        this.users = users;
        this.roles = roles;
        this.passwords = passwords;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM console_credential", Integer.class);
        if (existing != null && existing > 0) {
            return;
        }
        long platformId = user("platform", Role.PLATFORM, 0);
        CurrentUser platform = new CurrentUser(platformId, roles.grantsOf(platformId));
        login(platform, platformId, "platform");
        login(platform, user("admin", Role.ADMIN, 1), "admin");
        login(platform, user("staff", Role.STAFF, 1), "staff");
        login(platform, user("street-admin", Role.STREET_ADMIN, 1), "street-admin");
        login(platform, user("district-admin", Role.DISTRICT_ADMIN, 1), "district-admin");
        login(platform, user("dept-city", Role.DEPARTMENT, 1), "dept-city");
        jdbc.update("UPDATE console_credential SET must_change = FALSE");
        jdbc.update("UPDATE console_credential SET totp_secret = ? WHERE login_name IN ('platform', 'district-admin')",
                TOTP_SECRET);
        log.info("Demo console logins set: admin, staff, street-admin, district-admin, platform, dept-city");
    }

    private long user(String handle, Role role, long scope) {
        long id = users.findOrCreateByOpenid("dev:" + handle, null).user().id();
        roles.grant(id, Role.RESIDENT, 0);
        roles.grant(id, role, scope);
        return id;
    }

    private void login(CurrentUser platform, long userId, String loginName) {
        passwords.set(platform, userId, loginName, PASSWORD);
    }
}
