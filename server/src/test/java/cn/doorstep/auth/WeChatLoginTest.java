package cn.doorstep.auth;

import static cn.doorstep.support.Http.from;
import static cn.doorstep.support.Http.read;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.TestServers;
import cn.doorstep.support.WeChatStubs;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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

@IntegrationTest
class WeChatLoginTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StringRedisTemplate redis;

    final WeChatStubs weChat = WeChatStubs.of(TestServers.get());
    final String ip = "10.1." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(256);

    @BeforeEach
    void weChatIsUp() {
        weChat.reset();
        weChat.accessToken();
    }

    @Test
    void signsInANewUserWithTheCodeFromWxLoginAndKeepsTheSessionKeyOnTheServer() {
        String openid = "o-" + UUID.randomUUID();
        weChat.codeToSession("code-1", openid, "union-1", "SECRET-SESSION-KEY");

        MvcTestResult login = login("code-1");

        assertThat(login).hasStatusOk();
        assertThat(login).bodyJson().extractingPath("$.data.newUser").isEqualTo(true);
        assertThat(login).bodyJson().extractingPath("$.data.roles[0].role").isEqualTo("RESIDENT");
        assertThat(Http.body(login)).doesNotContain("session_key", "sessionKey", "SECRET-SESSION-KEY");
        assertThat(jdbc.queryForObject("select unionid from app_user where openid = ?", String.class, openid))
                .isEqualTo("union-1");

        // WeChat received exactly what its API expects
        weChat.server().verify(getRequestedFor(urlPathEqualTo("/sns/jscode2session"))
                .withQueryParam("appid", equalTo("wx-test-appid"))
                .withQueryParam("secret", equalTo("wx-test-secret"))
                .withQueryParam("js_code", equalTo("code-1"))
                .withQueryParam("grant_type", equalTo("authorization_code")));

        String token = read(login, "$.data.token");
        assertThat(mvc.get().uri("/api/v1/me").header("Authorization", "Bearer " + token))
                .hasStatusOk().bodyJson().extractingPath("$.data.user.id")
                .isEqualTo(read(login, "$.data.user.id"));
    }

    @Test
    void findsTheSameUserOnTheNextLogin() {
        String openid = "o-" + UUID.randomUUID();
        weChat.codeToSession("first", openid, null, "k1");
        weChat.codeToSession("second", openid, null, "k2");

        Integer firstId = read(login("first"), "$.data.user.id");
        MvcTestResult again = login("second");

        assertThat(again).bodyJson().extractingPath("$.data.newUser").isEqualTo(false);
        assertThat(again).bodyJson().extractingPath("$.data.user.id").isEqualTo(firstId);
        assertThat(jdbc.queryForObject("select count(*) from app_user where openid = ?", Integer.class, openid))
                .isEqualTo(1);
    }

    @Test
    void sharesWeChatsAccessTokenThroughRedis() {
        redis.delete("wx:access_token:wx-test-appid");
        weChat.codeToSession("code-token", "o-" + UUID.randomUUID(), null, "k");

        login("code-token");

        assertThat(redis.opsForValue().get("wx:access_token:wx-test-appid")).isEqualTo(WeChatStubs.ACCESS_TOKEN);
    }

    @Test
    void logoutEndsTheSession() {
        weChat.codeToSession("code-out", "o-" + UUID.randomUUID(), null, "k");
        String bearer = "Bearer " + read(login("code-out"), "$.data.token");

        assertThat(mvc.post().uri("/api/v1/auth/logout").header("Authorization", bearer)).hasStatusOk();

        assertThat(mvc.get().uri("/api/v1/me").header("Authorization", bearer))
                .hasStatus(HttpStatus.UNAUTHORIZED).bodyJson().extractingPath("$.code").isEqualTo(10100);
    }

    @Nested
    class WhenWeChatRefuses {

        @Test
        void rejectsAnInvalidCodeWith401AndWritesNoUser() {
            long before = users();
            weChat.codeToSessionError("bad", 40029, "invalid code");

            assertThat(login("bad")).hasStatus(HttpStatus.UNAUTHORIZED)
                    .bodyJson().extractingPath("$.code").isEqualTo(14001);
            assertThat(users()).isEqualTo(before);
        }

        @Test
        void rejectsAnAlreadyUsedCodeWith401() {
            weChat.codeToSessionError("used", 40163, "code been used");

            assertThat(login("used")).hasStatus(HttpStatus.UNAUTHORIZED)
                    .bodyJson().extractingPath("$.code").isEqualTo(14002);
        }

        @Test
        void answers503WhenWeChatFailsAndWritesNoUser() {
            long before = users();
            weChat.codeToSessionAnswers("c5xx", WeChatStubs.serverError());

            assertThat(login("c5xx")).hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
                    .bodyJson().extractingPath("$.code").isEqualTo(14003);
            assertThat(users()).isEqualTo(before);
        }

        @Test
        void answers503WhenWeChatTimesOutAndWritesNoUser() {
            long before = users();
            weChat.codeToSessionAnswers("slow", WeChatStubs.slowerThanTimeout());

            assertThat(login("slow")).hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
                    .bodyJson().extractingPath("$.code").isEqualTo(14003);
            assertThat(users()).isEqualTo(before);
        }

        @Test
        void answers503WhenWeChatRateLimitsUs() {
            weChat.codeToSessionError("quota", 45011, "api minute-quota reach limit");

            assertThat(login("quota")).hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
                    .bodyJson().extractingPath("$.code").isEqualTo(14005);
        }

        @Test
        void answers503WhenTheAccessTokenCannotBeFetched() {
            redis.delete("wx:access_token:wx-test-appid");
            weChat.reset();
            weChat.accessTokenAnswers(WeChatStubs.serverError());
            weChat.codeToSession("no-token", "o-" + UUID.randomUUID(), null, "k");

            assertThat(login("no-token")).hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
                    .bodyJson().extractingPath("$.code").isEqualTo(14003);
        }

        @Test
        void answers503WhenWeChatRejectsOurCredentials() {
            redis.delete("wx:access_token:wx-test-appid");
            weChat.reset();
            weChat.accessTokenAnswers(okJson("{\"errcode\":40013,\"errmsg\":\"invalid appid\"}"));

            assertThat(login("any")).hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
                    .bodyJson().extractingPath("$.code").isEqualTo(14003);
        }

        private long users() {
            return jdbc.queryForObject("select count(*) from app_user", Long.class);
        }
    }

    @Nested
    class BadRequests {

        @Test
        void namesTheMissingCode() {
            assertThat(mvc.post().uri("/api/v1/auth/wx-login").contentType(MediaType.APPLICATION_JSON).content("{}"))
                    .hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyJson().extractingPath("$.data.errors[0].field").isEqualTo("code");
        }

        @Test
        void limitsLoginAttemptsPerClientAddress() {
            weChat.codeToSessionError("spam", 40029, "invalid code");
            for (int i = 0; i < 20; i++) {
                assertThat(login("spam")).hasStatus(HttpStatus.UNAUTHORIZED);
            }

            MvcTestResult limited = login("spam");

            assertThat(limited).hasStatus(HttpStatus.TOO_MANY_REQUESTS)
                    .bodyJson().extractingPath("$.code").isEqualTo(10429);
            assertThat(Long.parseLong(limited.getResponse().getHeader("Retry-After"))).isBetween(1L, 60L);
            // another client is not affected
            assertThat(mvc.post().uri("/api/v1/auth/wx-login").with(from("10.250.0.1"))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"spam\"}"))
                    .hasStatus(HttpStatus.UNAUTHORIZED);
        }
    }

    private MvcTestResult login(String code) {
        return mvc.post().uri("/api/v1/auth/wx-login").with(from(ip))
                .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"" + code + "\"}").exchange();
    }
}
