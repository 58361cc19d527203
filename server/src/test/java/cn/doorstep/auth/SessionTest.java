package cn.doorstep.auth;

import static cn.doorstep.support.Http.from;
import static cn.doorstep.support.Http.read;
import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.MutableClock;
import cn.doorstep.support.Sessions;
import cn.doorstep.support.TestServers;
import cn.doorstep.support.TestUsers.SignedIn;
import cn.doorstep.support.TestUsers;
import cn.doorstep.support.WeChatStubs;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Sessions: what Redis keeps, the absolute maximum age, signing out here and everywhere. */
@IntegrationTest
class SessionTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    TestUsers users;
    @Autowired
    TokenService tokens;
    @Autowired
    MutableClock clock;

    final WeChatStubs weChat = WeChatStubs.of(TestServers.get());
    Instant now;

    @BeforeEach
    void setUp() {
        weChat.reset();
        weChat.accessToken();
        now = Instant.now();
        clock.set(now);
    }

    @AfterEach
    void resetClock() {
        clock.set(Instant.now());
    }

    @Test
    void theSessionHoldsOnlyTheUserIdAndTheIssueTimeNotWeChatsSessionKey() {
        weChat.codeToSession("code-s", "o-" + UUID.randomUUID(), null, "SESSION-KEY-NOT-KEPT");

        MvcTestResult login = mvc.post().uri("/api/v1/auth/wx-login").with(from("10.20.0.1"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"code-s\"}").exchange();

        assertThat(login).hasStatusOk();
        String token = read(login, "$.data.token");
        long userId = ((Integer) read(login, "$.data.user.id")).longValue();
        assertThat(redis.opsForValue().get(Sessions.key(token))).isEqualTo(userId + "|" + now.toEpochMilli());
        assertThat(redis.opsForZSet().range(Sessions.userTokensKey(userId), 0, -1)).containsExactly(Sessions.hash(token));
        assertThat(redis.getExpire(Sessions.userTokensKey(userId), TimeUnit.DAYS)).isBetween(29L, 30L);
    }

    @Test
    void refusesAndDeletesATokenPastItsMaximumAgeHoweverOftenItWasUsed() {
        clock.set(now.minus(Duration.ofDays(29)));
        SignedIn me = users.resident();
        for (int daysAgo : new int[] {29, 23, 17, 11, 5, 1}) { // used every few days: the sliding TTL never runs out
            clock.set(now.minus(Duration.ofDays(daysAgo)));
            assertThat(getMe(me)).hasStatusOk();
        }
        // two days before its 30 days are up, Redis keeps it those two days, not the sliding 7
        assertThat(redis.getExpire(Sessions.key(me.token()), TimeUnit.HOURS)).isBetween(47L, 48L);

        clock.set(now.plus(Duration.ofDays(1))); // 30 days after sign-in

        assertThat(getMe(me)).hasStatus(HttpStatus.UNAUTHORIZED).bodyJson().extractingPath("$.code").isEqualTo(10100);
        assertThat(redis.hasKey(Sessions.key(me.token()))).isFalse();
        clock.set(now); // deleted, not just refused: back in time it stays gone
        assertThat(getMe(me)).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void refusesASessionFromBeforeMaximumAgesWhichNoUserSetHolds() {
        SignedIn me = users.resident();
        redis.opsForValue().set(Sessions.key(me.token()), me.id() + "|", Duration.ofDays(7)); // the old format

        assertThat(getMe(me)).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(redis.hasKey(Sessions.key(me.token()))).isFalse();
    }

    @Test
    void aTokenStartsWithItsUserAndAnotherUsersIdInFrontOfItIsRefused() {
        SignedIn me = users.resident();
        SignedIn other = users.resident();
        assertThat(me.token()).startsWith(me.id() + ".");
        String random = me.token().substring(me.token().indexOf('.'));

        assertThat(mvc.get().uri("/api/v1/me").header("Authorization", "Bearer " + other.id() + random))
                .hasStatus(HttpStatus.UNAUTHORIZED).bodyJson().extractingPath("$.code").isEqualTo(10100);
        assertThat(mvc.get().uri("/api/v1/me").header("Authorization", "Bearer " + random.substring(1)))
                .as("without its user").hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.get().uri("/api/v1/me").header("Authorization", "Bearer x" + me.token()))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(getMe(me)).hasStatusOk();
    }

    @Test
    void aSessionOfTheReleaseBeforeTheHashTagsIsNotReadAndAnswers401() {
        SignedIn me = users.resident();
        String old = "Q2xkU2Vzc2lvbldpdGhvdXRBVXNlcklkSW5JdHNUb2tlbg"; // the older release's shape: no user id
        redis.opsForValue().set("auth:token:" + Sessions.hash(old), me.id() + "|" + now.toEpochMilli(), Duration.ofDays(7));
        try {
            assertThat(mvc.get().uri("/api/v1/me").header("Authorization", "Bearer " + old))
                    .hasStatus(HttpStatus.UNAUTHORIZED).bodyJson().extractingPath("$.code").isEqualTo(10100);
        } finally {
            redis.delete("auth:token:" + Sessions.hash(old));
        }
    }

    @Test
    void logoutEndsOnlyThisSession() {
        SignedIn phone = users.resident();
        String laptop = tokens.issue(phone.id());

        assertThat(mvc.post().uri("/api/v1/auth/logout").header("Authorization", phone.bearer())).hasStatusOk();

        assertThat(getMe(phone)).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.get().uri("/api/v1/me").header("Authorization", "Bearer " + laptop)).hasStatusOk();
        assertThat(redis.opsForZSet().range(Sessions.userTokensKey(phone.id()), 0, -1)).containsExactly(Sessions.hash(laptop));
    }

    @Test
    void logoutAllEndsEverySessionOfTheCallerAndNoOneElses() {
        SignedIn phone = users.resident();
        String laptop = tokens.issue(phone.id());
        SignedIn someoneElse = users.resident();

        assertThat(mvc.post().uri("/api/v1/auth/logout-all").header("Authorization", phone.bearer())).hasStatusOk();

        assertThat(getMe(phone)).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.get().uri("/api/v1/me").header("Authorization", "Bearer " + laptop))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(redis.hasKey(Sessions.key(laptop))).isFalse();
        assertThat(redis.hasKey(Sessions.userTokensKey(phone.id()))).isFalse();
        assertThat(getMe(someoneElse)).hasStatusOk();
    }

    @Test
    void logoutAllNeedsASignedInUser() {
        assertThat(mvc.post().uri("/api/v1/auth/logout-all")).hasStatus(HttpStatus.UNAUTHORIZED)
                .bodyJson().extractingPath("$.code").isEqualTo(10100);
    }

    private MvcTestResult getMe(SignedIn user) {
        return mvc.get().uri("/api/v1/me").header("Authorization", user.bearer()).exchange();
    }
}
