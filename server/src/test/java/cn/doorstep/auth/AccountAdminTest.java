package cn.doorstep.auth;

import static cn.doorstep.support.Http.from;
import static cn.doorstep.support.Http.read;
import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.common.ApiException;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.Role;
import cn.doorstep.common.RoleGrant;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.Parallel;
import cn.doorstep.support.Sessions;
import cn.doorstep.support.TestRegions;
import cn.doorstep.support.TestServers;
import cn.doorstep.support.TestUsers;
import cn.doorstep.support.TestUsers.SignedIn;
import cn.doorstep.support.WeChatStubs;
import cn.doorstep.user.ProfileUpdate;
import cn.doorstep.user.UserService;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Admins disabling and enabling accounts: sessions end at once, logins are refused until enabled. */
@IntegrationTest
class AccountAdminTest {

    static final AtomicInteger CODES = new AtomicInteger();

    @Autowired
    MockMvcTester mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    TestUsers users;
    @Autowired
    TestRegions regions;
    @Autowired
    UserService userService;
    @Autowired
    LoginService logins;
    @Autowired
    AccountService accounts;
    @Autowired
    TokenService tokens;

    final WeChatStubs weChat = WeChatStubs.of(TestServers.get());
    long community;
    SignedIn admin;
    String openid;
    SignedIn resident;

    @BeforeEach
    void setUp() {
        weChat.reset();
        weChat.accessToken();
        community = regions.community();
        admin = users.with(Role.ADMIN, community);
        openid = "o-" + UUID.randomUUID();
        resident = wxLogin();
        userService.updateProfile(resident.id(), new ProfileUpdate(null, null, community, null));
    }

    @Test
    void aCommunityAdminDisablesAUserOfTheirCommunity() {
        String secondDevice = wxLogin().token();

        MvcTestResult disabled = post(admin, resident.id(), "disable");

        assertThat(disabled).hasStatusOk().bodyJson().extractingPath("$.data.disabled").isEqualTo(true);
        assertThat(disabledAt(resident.id())).isNotNull();
        // every session ended at once
        assertThat(getMe(resident.bearer())).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(getMe("Bearer " + secondDevice)).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(redis.hasKey(Sessions.key(secondDevice))).isFalse();
        assertThat(redis.hasKey(Sessions.userTokensKey(resident.id()))).isFalse();
        // audited, with ids only
        assertThat(jdbc.queryForList("select actor_id, action, detail from audit_log where target_type = 'user' "
                + "and target_id = ?", String.valueOf(resident.id())))
                .singleElement().satisfies(row -> {
                    assertThat(row.get("actor_id")).isEqualTo(admin.id());
                    assertThat(row.get("action")).isEqualTo("user.disable");
                    assertThat(row.get("detail")).isNull();
                });
    }

    @Test
    void aDisabledUserCannotSignInAndGetsNoToken() {
        post(admin, resident.id(), "disable");

        MvcTestResult refused = wxLoginReply();

        assertThat(refused).hasStatus(HttpStatus.FORBIDDEN).bodyJson().extractingPath("$.code").isEqualTo(11001);
        assertThat(redis.hasKey(Sessions.userTokensKey(resident.id()))).isFalse();
    }

    @Test
    void enablingReallyClearsTheFlagAndTheUserSignsInAgain() {
        post(admin, resident.id(), "disable");

        MvcTestResult enabled = post(admin, resident.id(), "enable");

        assertThat(enabled).hasStatusOk().bodyJson().extractingPath("$.data.disabled").isEqualTo(false);
        assertThat(enabled).bodyJson().extractingPath("$.data.disabledAt").isNull();
        assertThat(disabledAt(resident.id())).isNull();
        SignedIn again = wxLogin();
        assertThat(again.id()).isEqualTo(resident.id());
        assertThat(getMe(again.bearer())).hasStatusOk();
        assertThat(jdbc.queryForList("select action from audit_log where target_type = 'user' and target_id = ? "
                + "order by id", String.class, String.valueOf(resident.id()))).containsExactly("user.disable", "user.enable");
    }

    @Test
    void aProfileUpdateDoesNotTouchTheFlag() {
        post(admin, resident.id(), "disable");
        var before = disabledAt(resident.id());

        userService.updateProfile(resident.id(), new ProfileUpdate("新名字", null, null, null));

        assertThat(disabledAt(resident.id())).isEqualTo(before).isNotNull();
    }

    @Test
    void aPlatformAdminDisablesAnyone() {
        SignedIn platform = users.with(Role.PLATFORM);
        SignedIn withoutCommunity = users.resident();

        assertThat(post(platform, withoutCommunity.id(), "disable")).hasStatusOk();

        assertThat(disabledAt(withoutCommunity.id())).isNotNull();
        assertThat(getMe(withoutCommunity.bearer())).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aLoginRacingADisableLeavesNoLiveToken() {
        var platform = new CurrentUser(users.with(Role.PLATFORM).id(), Set.of(new RoleGrant(Role.PLATFORM, 0)));
        int logins = 16;
        List<String> codes = java.util.stream.IntStream.range(0, logins).mapToObj(i -> code()).toList();
        codes.forEach(code -> weChat.codeToSession(code, openid, null, "k"));

        List<Optional<String>> issued = Parallel.run(logins + 1, 8, i -> {
            if (i == logins / 2) {
                accounts.disable(platform, resident.id());
                return Optional.empty();
            }
            int n = i < logins / 2 ? i : i - 1;
            try {
                return Optional.of(this.logins.wxLogin(codes.get(n), "10.66." + n + ".1").token());
            } catch (ApiException refused) {
                assertThat(refused.error()).isEqualTo(AuthError.ACCOUNT_DISABLED);
                return Optional.empty();
            }
        });

        assertThat(disabledAt(resident.id())).isNotNull();
        assertThat(issued).allSatisfy(token -> token.ifPresent(t -> assertThat(tokens.resolve(t)).isEmpty()));
        assertThat(tokens.resolve(resident.token())).isEmpty();
    }

    @Nested
    class Refuses {

        @Test
        void anAdminOfAnotherCommunityWith404() {
            SignedIn otherAdmin = users.with(Role.ADMIN, regions.community());

            assertThat(post(otherAdmin, resident.id(), "disable")).hasStatus(HttpStatus.NOT_FOUND)
                    .bodyJson().extractingPath("$.code").isEqualTo(12001);
            assertThat(disabledAt(resident.id())).isNull();
            assertThat(getMe(resident.bearer())).hasStatusOk();
        }

        @Test
        void aCommunityAdminForAUserWithoutCommunityWith404() {
            SignedIn nowhere = users.resident();

            assertThat(post(admin, nowhere.id(), "disable")).hasStatus(HttpStatus.NOT_FOUND);
            assertThat(disabledAt(nowhere.id())).isNull();
        }

        @Test
        void anUnknownUserWith404() {
            assertThat(post(admin, 987_654_321L, "disable")).hasStatus(HttpStatus.NOT_FOUND)
                    .bodyJson().extractingPath("$.code").isEqualTo(12001);
        }

        @Test
        void aResidentWith403() {
            SignedIn neighbour = users.resident();

            assertThat(post(neighbour, resident.id(), "disable")).hasStatus(HttpStatus.FORBIDDEN)
                    .bodyJson().extractingPath("$.code").isEqualTo(10300);
            assertThat(disabledAt(resident.id())).isNull();
        }

        @Test
        void aCommunityAdminDisablingAnotherAdminOrAPlatformAdminWith403() {
            SignedIn fellowAdmin = users.with(Role.ADMIN, community);
            SignedIn adminElsewhere = users.with(Role.ADMIN, regions.community());
            SignedIn platform = users.with(Role.PLATFORM);
            for (SignedIn target : List.of(fellowAdmin, adminElsewhere, platform)) {
                userService.updateProfile(target.id(), new ProfileUpdate(null, null, community, null));

                assertThat(post(admin, target.id(), "disable")).hasStatus(HttpStatus.FORBIDDEN)
                        .bodyJson().extractingPath("$.code").isEqualTo(11003);
                assertThat(disabledAt(target.id())).isNull();
                assertThat(getMe(target.bearer())).hasStatusOk();
            }
        }

        @Test
        void aCommunityAdminEnablingAnAdminAPlatformAdminDisabledWith403() {
            SignedIn fellowAdmin = users.with(Role.ADMIN, community);
            userService.updateProfile(fellowAdmin.id(), new ProfileUpdate(null, null, community, null));
            SignedIn platform = users.with(Role.PLATFORM);
            assertThat(post(platform, fellowAdmin.id(), "disable")).as("a platform admin may").hasStatusOk();

            assertThat(post(admin, fellowAdmin.id(), "enable")).hasStatus(HttpStatus.FORBIDDEN)
                    .bodyJson().extractingPath("$.code").isEqualTo(11003);
            assertThat(disabledAt(fellowAdmin.id())).isNotNull();
            assertThat(post(platform, fellowAdmin.id(), "enable")).hasStatusOk();
            assertThat(disabledAt(fellowAdmin.id())).isNull();
        }

        @Test
        void anyoneDisablingThemselves() {
            SignedIn platform = users.with(Role.PLATFORM);

            assertThat(post(admin, admin.id(), "disable")).hasStatus(HttpStatus.FORBIDDEN)
                    .bodyJson().extractingPath("$.code").isEqualTo(11002);
            assertThat(post(platform, platform.id(), "disable")).hasStatus(HttpStatus.FORBIDDEN)
                    .bodyJson().extractingPath("$.code").isEqualTo(11002);
            assertThat(disabledAt(admin.id())).isNull();
            assertThat(disabledAt(platform.id())).isNull();
            assertThat(getMe(platform.bearer())).hasStatusOk();
        }
    }

    private SignedIn wxLogin() {
        MvcTestResult login = wxLoginReply();
        assertThat(login).hasStatusOk();
        return new SignedIn(((Integer) read(login, "$.data.user.id")).longValue(), read(login, "$.data.token"));
    }

    private MvcTestResult wxLoginReply() {
        String code = code();
        weChat.codeToSession(code, openid, null, "k");
        return mvc.post().uri("/api/v1/auth/wx-login").with(from("10.30." + CODES.get() % 250 + ".1"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"" + code + "\"}").exchange();
    }

    private static String code() {
        return "acct-" + CODES.incrementAndGet();
    }

    private MvcTestResult post(SignedIn actor, long userId, String action) {
        return mvc.post().uri("/api/v1/admin/users/" + userId + "/" + action).header("Authorization", actor.bearer())
                .exchange();
    }

    private MvcTestResult getMe(String bearer) {
        return mvc.get().uri("/api/v1/me").header("Authorization", bearer).exchange();
    }

    private java.sql.Timestamp disabledAt(long userId) {
        return jdbc.queryForObject("select disabled_at from app_user where id = ?", java.sql.Timestamp.class, userId);
    }
}
