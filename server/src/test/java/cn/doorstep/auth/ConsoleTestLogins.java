package cn.doorstep.auth;

import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.Role;
import cn.doorstep.common.RoleGrant;
import java.time.Clock;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Console logins for tests in other packages (the browser tests): set through the real service, as a
 * platform admin would, and the TOTP code an authenticator app would show at the app's clock.
 */
@Component
public class ConsoleTestLogins {

    private final ConsolePasswords passwords;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    ConsoleTestLogins(ConsolePasswords passwords, JdbcTemplate jdbc, Clock clock) {
        this.passwords = passwords;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Sets the worker's login as a platform admin does (they must change the password at first sign-in). */
    public void set(long userId, String loginName, String password) {
        passwords.set(new CurrentUser(0, Set.of(new RoleGrant(Role.PLATFORM, 0))), userId, loginName, password);
    }

    /** Sets the login, the password already chosen by the worker. */
    public void setChosen(long userId, String loginName, String password) {
        set(userId, loginName, password);
        jdbc.update("UPDATE console_credential SET must_change = FALSE WHERE user_id = ?", userId);
    }

    /** The 6-digit code of this Base32 secret now, by the app's clock. */
    public String code(String secret) {
        return Totp.code(Totp.fromBase32(secret), Totp.stepOf(clock.instant()), Totp.DIGITS);
    }
}
