package cn.doorstep.auth;

import cn.doorstep.auth.ConsoleReplies.ConsoleLoginReply;
import cn.doorstep.auth.ConsoleReplies.TotpEnrolment;
import cn.doorstep.auth.internal.ConsoleCredential;
import cn.doorstep.auth.internal.ConsoleCredentialMapper;
import cn.doorstep.common.ApiException;
import cn.doorstep.common.Role;
import cn.doorstep.common.RoleGrant;
import cn.doorstep.user.UserService;
import cn.doorstep.user.UserService.SignIn;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The PC console's sign-in for workers: login name and bcrypt password, then a TOTP code for those whose
 * role needs one (PLATFORM, DISTRICT_ADMIN) or who enrolled one. Five wrong answers for one login name lock
 * it for 15 minutes; the count lives in Redis ({@code auth:console:{name}:fails}, a hash of the count and
 * the deadline by the app's clock), so a wrong password writes no row. The session is the API's own bearer
 * token ({@link TokenService}), issued through {@link LoginService#signIn} (a disabled account gets none).
 */
@Service
public class ConsoleSignIn {

    /** Roles that make a user a worker, who may have a console password. Residents, riders, volunteers may not. */
    public static final Set<Role> WORKER_ROLES = EnumSet.of(Role.STAFF, Role.ADMIN, Role.PLATFORM, Role.GRID_HEAD,
            Role.UNIT_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN, Role.DEPARTMENT);
    /** Roles that must sign in with an authenticator code as well. */
    public static final Set<Role> TOTP_ROLES = EnumSet.of(Role.PLATFORM, Role.DISTRICT_ADMIN);

    static final int MAX_FAILURES = 5;
    static final Duration LOCK = Duration.ofMinutes(15);

    /**
     * KEYS: the counter. ARGV: now (ms), the lock's length (ms), the limit. Counts one failure (a count whose
     * deadline passed starts again); the window is the lock's length from the first failure, and the fifth
     * locks for that long from now. Returns the count.
     */
    private static final RedisScript<Long> FAIL = RedisScript.of("""
            local now = tonumber(ARGV[1])
            local until_ms = tonumber(redis.call('HGET', KEYS[1], 'until') or '0')
            if until_ms <= now then redis.call('DEL', KEYS[1]) end
            local n = redis.call('HINCRBY', KEYS[1], 'n', 1)
            if n == 1 or n >= tonumber(ARGV[3]) then
              redis.call('HSET', KEYS[1], 'until', now + tonumber(ARGV[2]))
            end
            redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]) + 60000)
            return n
            """, Long.class);

    /** A hash of a password nobody has: an unknown login name costs as much time as a known one. */
    private static final String NOBODYS_HASH = new BCryptPasswordEncoder().encode("no console login has this");

    private final ConsoleCredentialMapper credentials;
    private final UserService users;
    private final RoleService roles;
    private final LoginService logins;
    private final StringRedisTemplate redis;
    private final Clock clock;
    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();

    ConsoleSignIn(ConsoleCredentialMapper credentials, UserService users, RoleService roles, LoginService logins,
                  StringRedisTemplate redis, Clock clock) {
        this.credentials = credentials;
        this.users = users;
        this.roles = roles;
        this.logins = logins;
        this.redis = redis;
        this.clock = clock;
    }

    /** Signs a worker in; {@code totp} may be null for those who need none. */
    public ConsoleLoginReply login(String loginName, String password, String totp, String clientIp) {
        logins.limitAttempts(clientIp);
        ConsoleCredential credential = checkPassword(loginName, password);
        boolean needsTotp = credential.getTotpSecret() != null || holdsAny(credential.getUserId(), TOTP_ROLES);
        if (needsTotp) {
            if (credential.getTotpSecret() == null) {
                throw new ApiException(ConsoleAuthError.TOTP_ENROLMENT_REQUIRED);
            }
            if (totp == null || totp.isBlank()) {
                throw new ApiException(ConsoleAuthError.TOTP_REQUIRED);
            }
            checkCode(credential, credential.getTotpSecret(), totp);
        }
        return signIn(credential, needsTotp);
    }

    /**
     * Starts (or restarts) enrolling an authenticator: a new secret, kept as pending until a code confirms
     * it. Refused once one is confirmed (a platform admin's new initial password does not reset it).
     */
    @Transactional
    public TotpEnrolment enrol(String loginName, String password, String clientIp) {
        logins.limitAttempts(clientIp);
        ConsoleCredential credential = checkPassword(loginName, password);
        if (credential.getTotpSecret() != null) {
            throw new ApiException(ConsoleAuthError.TOTP_ALREADY_ENROLLED);
        }
        String secret = Totp.newSecret();
        var row = new ConsoleCredential();
        row.setUserId(credential.getUserId());
        row.setTotpPending(secret);
        credentials.updateById(row);
        return new TotpEnrolment(secret, Totp.uri(credential.getLoginName(), secret));
    }

    /** Confirms the pending authenticator with its first code, and signs in. */
    @Transactional
    public ConsoleLoginReply confirm(String loginName, String password, String totp, String clientIp) {
        logins.limitAttempts(clientIp);
        ConsoleCredential credential = checkPassword(loginName, password);
        if (credential.getTotpSecret() != null) {
            throw new ApiException(ConsoleAuthError.TOTP_ALREADY_ENROLLED);
        }
        String pending = credential.getTotpPending();
        if (pending == null) {
            throw new ApiException(ConsoleAuthError.TOTP_NOT_PENDING);
        }
        checkCode(credential, pending, totp);
        if (credentials.confirmPending(credential.getUserId(), pending, clock.instant()) == 0) {
            // another confirm (or a new enrolment) won meanwhile
            throw new ApiException(ConsoleAuthError.TOTP_NOT_PENDING);
        }
        credential.setTotpSecret(pending);
        return signIn(credential, true);
    }

    private ConsoleLoginReply signIn(ConsoleCredential credential, boolean totpEnrolled) {
        long userId = credential.getUserId();
        if (!holdsAny(userId, WORKER_ROLES)) {
            throw new ApiException(ConsoleAuthError.NOT_A_WORKER);
        }
        clearFailures(credential.getLoginName());
        boolean disabled = users.disabledSince(userId).isPresent();
        LoginReply reply = logins.signIn(new SignIn(users.get(userId), false, disabled));
        return new ConsoleLoginReply(reply.token(), reply.expiresIn(), reply.user(), reply.roles(),
                credential.getLoginName(), Boolean.TRUE.equals(credential.getMustChange()),
                credential.getTotpSecret() != null && totpEnrolled);
    }

    /**
     * The credential of a login name whose password this is. Refused while the name is locked; a wrong
     * password, like an unknown name, counts one failure (and costs a bcrypt check either way).
     */
    ConsoleCredential checkPassword(String loginName, String password) {
        String name = normalise(loginName);
        refuseIfLocked(name);
        ConsoleCredential credential = credentials.selectByLoginName(name);
        String hash = credential != null ? credential.getPasswordHash() : NOBODYS_HASH;
        if (!encoder.matches(password, hash) || credential == null) {
            fail(name, ConsoleAuthError.BAD_CREDENTIALS);
        }
        return credential;
    }

    private void checkCode(ConsoleCredential credential, String secret, String code) {
        long step = Totp.matchingStep(secret, code, clock.instant());
        // one code signs in once: a code seen over someone's shoulder is spent (the step is kept past its window)
        if (step < 0 || !Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(
                "auth:console:{" + credential.getLoginName() + "}:totp:" + step, "1", Duration.ofMinutes(3)))) {
            fail(credential.getLoginName(), ConsoleAuthError.TOTP_WRONG);
        }
    }

    private boolean holdsAny(long userId, Set<Role> wanted) {
        return roles.grantsOf(userId).stream().map(RoleGrant::role).anyMatch(wanted::contains);
    }

    /** Login names are compared in lower case. */
    static String normalise(String loginName) {
        return loginName.strip().toLowerCase(Locale.ROOT);
    }

    void refuseIfLocked(String name) {
        List<Object> values = redis.opsForHash().multiGet(failuresKey(name), List.of("n", "until"));
        long count = values.get(0) == null ? 0 : Long.parseLong(values.get(0).toString());
        long until = values.get(1) == null ? 0 : Long.parseLong(values.get(1).toString());
        long left = until - clock.millis();
        if (count >= MAX_FAILURES && left > 0) {
            long minutes = Math.max(1, (left + 59_999) / 60_000);
            throw new ApiException(ConsoleAuthError.LOCKED,
                    ConsoleAuthError.LOCKED.message() + "; try again in " + minutes + " min");
        }
    }

    private void fail(String name, ConsoleAuthError error) {
        Long count = redis.execute(FAIL, List.of(failuresKey(name)), Long.toString(clock.millis()),
                Long.toString(LOCK.toMillis()), Integer.toString(MAX_FAILURES));
        if (count != null && count >= MAX_FAILURES) {
            throw new ApiException(ConsoleAuthError.LOCKED);
        }
        throw new ApiException(error);
    }

    void clearFailures(String name) {
        redis.delete(failuresKey(name));
    }

    /** {@code auth:console:{name}:fails}: failures of one login name (hash: n, until). */
    static String failuresKey(String name) {
        return "auth:console:{" + name + "}:fails";
    }
}
