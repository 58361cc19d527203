package cn.doorstep.auth;

import static cn.doorstep.support.Http.from;
import static cn.doorstep.support.Http.read;
import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.common.Role;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.MutableClock;
import cn.doorstep.support.TestRegions;
import cn.doorstep.support.TestUsers;
import cn.doorstep.support.TestUsers.SignedIn;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The console's sign-in: passwords set by a platform admin, the lock after five failures, TOTP for city and district. */
@IntegrationTest
class ConsoleSignInTest {

    static final AtomicInteger IPS = new AtomicInteger(1);
    static final String PASSWORD = "Initial-pass-2026";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestUsers users;
    @Autowired
    TestRegions regions;
    @Autowired
    MutableClock clock;

    SignedIn platform;
    String ip;

    @BeforeEach
    void setUp() {
        clock.set(Instant.now());
        platform = users.with(Role.PLATFORM);
        // each test from its own address: the per-network limit (20 a minute) is not what these tests are about
        ip = "10.64." + (IPS.get() / 250) + "." + (IPS.getAndIncrement() % 250 + 1);
    }

    @AfterEach
    void resetClock() {
        clock.set(Instant.now());
    }

    static String newName() {
        return "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    MvcTestResult setLogin(SignedIn actor, long userId, String loginName, String password) {
        return mvc.put().uri("/api/v1/admin/users/{id}/console-login", userId).header("Authorization", actor.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"loginName\":\"" + loginName + "\",\"password\":\"" + password + "\"}").exchange();
    }

    MvcTestResult login(String loginName, String password, String totp) {
        String body = "{\"loginName\":\"" + loginName + "\",\"password\":\"" + password + "\""
                + (totp == null ? "" : ",\"totp\":\"" + totp + "\"") + "}";
        return mvc.post().uri("/api/v1/auth/console/login").with(from(ip)).contentType(MediaType.APPLICATION_JSON)
                .content(body).exchange();
    }

    MvcTestResult post(String path, String body) {
        return mvc.post().uri(path).with(from(ip)).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    String currentCode(String secret) {
        return Totp.code(Totp.fromBase32(secret), Totp.stepOf(clock.instant()), 6);
    }

    @Test
    void aPlatformAdminSetsAStaffMembersLoginWhoSignsInWithTheApisOwnToken() {
        SignedIn staff = users.with(Role.STAFF, 7);
        String name = newName();

        assertThat(setLogin(platform, staff.id(), name, PASSWORD)).hasStatusOk().bodyJson()
                .extractingPath("$.data.mustChangePassword").isEqualTo(true);
        MvcTestResult signedIn = login(name.toUpperCase(), PASSWORD, null);

        assertThat(signedIn).hasStatusOk();
        String token = read(signedIn, "$.data.token");
        assertThat(token).startsWith(staff.id() + ".");
        assertThat(mvc.get().uri("/api/v1/me").header("Authorization", "Bearer " + token).exchange())
                .hasStatusOk().bodyJson().extractingPath("$.data.user.id").isEqualTo((int) staff.id());
        assertThat(mvc.get().uri("/api/v1/auth/console/me").header("Authorization", "Bearer " + token).exchange())
                .hasStatusOk().bodyJson().extractingPath("$.data.loginName").isEqualTo(name);
        // stored as a bcrypt hash, and the setting is audited without the password
        assertThat(jdbc.queryForObject("select password_hash from console_credential where user_id = ?", String.class,
                staff.id())).startsWith("$2a$").doesNotContain(PASSWORD);
        assertThat(jdbc.queryForObject("select detail from audit_log where action = 'console.login.set' and target_id = ?",
                String.class, String.valueOf(staff.id()))).isEqualTo("loginName=" + name);
    }

    @Test
    void aWorkerChangesTheirOwnPasswordAndTheOldOneStopsWorking() {
        SignedIn admin = users.with(Role.ADMIN, regions.community());
        String name = newName();
        setLogin(platform, admin.id(), name, PASSWORD);
        String bearer = "Bearer " + read(login(name, PASSWORD, null), "$.data.token");

        assertThat(mvc.post().uri("/api/v1/auth/console/password").header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"currentPassword\":\"wrong-one-123\",\"newPassword\":\"Another-pass-99\"}").exchange())
                .hasStatus(HttpStatus.FORBIDDEN).bodyJson().extractingPath("$.code").isEqualTo(64010);
        assertThat(mvc.post().uri("/api/v1/auth/console/password").header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"Another-pass-99\"}").exchange())
                .hasStatusOk().bodyJson().extractingPath("$.data.mustChangePassword").isEqualTo(false);

        assertThat(login(name, PASSWORD, null)).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(login(name, "Another-pass-99", null)).hasStatusOk().bodyJson()
                .extractingPath("$.data.mustChangePassword").isEqualTo(false);
    }

    @Nested
    class Refused {

        @Test
        void aResidentGetsNoPasswordAndNoRowIsWritten() {
            SignedIn resident = users.resident();

            assertThat(setLogin(platform, resident.id(), newName(), PASSWORD)).hasStatus(HttpStatus.CONFLICT)
                    .bodyJson().extractingPath("$.code").isEqualTo(64008);
            assertThat(jdbc.queryForObject("select count(*) from console_credential where user_id = ?", Integer.class,
                    resident.id())).isZero();
        }

        @Test
        void onlyAPlatformAdminSetsALogin() {
            long community = regions.community();
            SignedIn admin = users.with(Role.ADMIN, community);
            SignedIn staff = users.with(Role.STAFF, 9);

            assertThat(setLogin(admin, staff.id(), newName(), PASSWORD)).hasStatus(HttpStatus.FORBIDDEN)
                    .bodyJson().extractingPath("$.code").isEqualTo(64012);
        }

        @Test
        void aLoginNameBelongsToOneWorker() {
            String name = newName();
            setLogin(platform, users.with(Role.STAFF, 3).id(), name, PASSWORD);

            assertThat(setLogin(platform, users.with(Role.STAFF, 4).id(), name, PASSWORD)).hasStatus(HttpStatus.CONFLICT)
                    .bodyJson().extractingPath("$.code").isEqualTo(64009);
        }

        @Test
        void aWeakPasswordNamesTheField() {
            assertThat(setLogin(platform, users.with(Role.STAFF, 3).id(), newName(), "short")).hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyJson().extractingPath("$.message").asString().contains("password");
        }
    }

    @Nested
    class Lockout {

        @Test
        void fiveWrongPasswordsLockTheLoginNameForFifteenMinutesEvenForTheRightPassword() {
            SignedIn staff = users.with(Role.STAFF, 5);
            String name = newName();
            setLogin(platform, staff.id(), name, PASSWORD);

            for (int i = 1; i <= 4; i++) {
                assertThat(login(name, "Wrong-pass-" + i, null)).hasStatus(HttpStatus.UNAUTHORIZED)
                        .bodyJson().extractingPath("$.code").isEqualTo(64001);
            }
            assertThat(login(name, "Wrong-pass-5", null)).hasStatus(HttpStatus.TOO_MANY_REQUESTS)
                    .bodyJson().extractingPath("$.code").isEqualTo(64002);
            assertThat(login(name, PASSWORD, null)).hasStatus(HttpStatus.TOO_MANY_REQUESTS)
                    .bodyJson().extractingPath("$.code").isEqualTo(64002);

            clock.set(clock.instant().plus(Duration.ofMinutes(14)));
            assertThat(login(name, PASSWORD, null)).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
            clock.set(clock.instant().plus(Duration.ofMinutes(1).plusSeconds(1)));
            assertThat(login(name, PASSWORD, null)).hasStatusOk();
        }

        @Test
        void anUnknownLoginNameCountsTooAndWritesNoRow() {
            String name = newName();
            int before = jdbc.queryForObject("select count(*) from console_credential", Integer.class);

            for (int i = 0; i < 4; i++) {
                assertThat(login(name, PASSWORD, null)).hasStatus(HttpStatus.UNAUTHORIZED);
            }
            assertThat(login(name, PASSWORD, null)).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
            assertThat(jdbc.queryForObject("select count(*) from console_credential", Integer.class)).isEqualTo(before);
        }

        @Test
        void aSuccessClearsTheCount() {
            SignedIn staff = users.with(Role.STAFF, 6);
            String name = newName();
            setLogin(platform, staff.id(), name, PASSWORD);
            for (int i = 0; i < 4; i++) {
                login(name, "Wrong-pass-" + i, null);
            }
            assertThat(login(name, PASSWORD, null)).hasStatusOk();

            assertThat(login(name, "Wrong-pass-again", null)).hasStatus(HttpStatus.UNAUTHORIZED);
        }
    }

    @Nested
    class SecondFactor {

        @Test
        void aPlatformAdminEnrolsAnAuthenticatorThenEverySignInNeedsAFreshCode() {
            SignedIn city = users.with(Role.PLATFORM);
            String name = newName();
            setLogin(platform, city.id(), name, PASSWORD);
            String credentials = "{\"loginName\":\"" + name + "\",\"password\":\"" + PASSWORD + "\"";

            assertThat(login(name, PASSWORD, null)).hasStatus(HttpStatus.FORBIDDEN)
                    .bodyJson().extractingPath("$.code").isEqualTo(64005);
            MvcTestResult enrolled = post("/api/v1/auth/console/totp/enrol", credentials + "}");
            assertThat(enrolled).hasStatusOk();
            String secret = read(enrolled, "$.data.secret");
            assertThat(read(enrolled, "$.data.otpauthUri").toString()).startsWith("otpauth://totp/").contains("secret=" + secret);
            assertThat(post("/api/v1/auth/console/totp/confirm", credentials + ",\"totp\":\"000000\"}"))
                    .hasStatus(HttpStatus.UNAUTHORIZED);
            assertThat(post("/api/v1/auth/console/totp/confirm", credentials + ",\"totp\":\"" + currentCode(secret) + "\"}"))
                    .hasStatusOk().bodyJson().extractingPath("$.data.totpEnrolled").isEqualTo(true);
            assertThat(jdbc.queryForObject("select totp_secret from console_credential where user_id = ?", String.class,
                    city.id())).isEqualTo(secret);

            clock.set(clock.instant().plus(Duration.ofSeconds(30)));
            assertThat(login(name, PASSWORD, null)).hasStatus(HttpStatus.UNAUTHORIZED)
                    .bodyJson().extractingPath("$.code").isEqualTo(64003);
            String code = currentCode(secret);
            assertThat(login(name, PASSWORD, code)).hasStatusOk();
            // a code signs in once
            assertThat(login(name, PASSWORD, code)).hasStatus(HttpStatus.UNAUTHORIZED)
                    .bodyJson().extractingPath("$.code").isEqualTo(64004);
            assertThat(post("/api/v1/auth/console/totp/enrol", credentials + "}")).hasStatus(HttpStatus.CONFLICT)
                    .bodyJson().extractingPath("$.code").isEqualTo(64006);
        }

        @Test
        void aWrongCodeCountsTowardsTheLock() {
            SignedIn district = users.with(Role.DISTRICT_ADMIN, regions.chain().district());
            String name = newName();
            setLogin(platform, district.id(), name, PASSWORD);
            String secret = read(post("/api/v1/auth/console/totp/enrol",
                    "{\"loginName\":\"" + name + "\",\"password\":\"" + PASSWORD + "\"}"), "$.data.secret");
            post("/api/v1/auth/console/totp/confirm", "{\"loginName\":\"" + name + "\",\"password\":\"" + PASSWORD
                    + "\",\"totp\":\"" + currentCode(secret) + "\"}");
            String wrong = currentCode(secret).equals("123456") ? "654321" : "123456";

            for (int i = 0; i < 4; i++) {
                assertThat(login(name, PASSWORD, wrong)).hasStatus(HttpStatus.UNAUTHORIZED);
            }
            assertThat(login(name, PASSWORD, wrong)).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
        }
    }
}
