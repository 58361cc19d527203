package cn.doorstep.auth;

import static cn.doorstep.support.Http.from;
import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.TestServers;
import cn.doorstep.support.TestUsers;
import cn.doorstep.support.WeChatStubs;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * WeChat's access token, our app secret and users' session keys never reach the log, also when WeChat
 * answers errors (WxJava then logs the whole request URL, access token included).
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SecretsInLogsTest {

    static final String WXJAVA = "cn.binarywang.wx.miniapp.api.impl.BaseWxMaServiceImpl";
    static final String SESSION_KEY = "SESSION-KEY-" + UUID.randomUUID();

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StringRedisTemplate redis;

    final WeChatStubs weChat = WeChatStubs.of(TestServers.get());
    final String ip = "10.9.0." + (int) (Math.random() * 250);

    @BeforeEach
    void weChatIsUp() {
        weChat.reset();
        weChat.accessToken();
        // every case fetches the access token afresh, so the token's own request is in the log window too
        redis.delete("wx:access_token:wx-test-appid");
    }

    @Test
    void noGeneratedPasswordIsLoggedAtStartUp(@Autowired org.springframework.context.ApplicationContext context) {
        // Spring Boot logs "Using generated security password" when it creates an in-memory user store
        assertThat(context.getBeanNamesForType(org.springframework.security.core.userdetails.UserDetailsService.class))
                .isEmpty();
    }

    @Test
    void aRejectedLoginCodeLeavesNoSecretInTheLog(CapturedOutput output) {
        weChat.codeToSessionError("junk-code", 40029, "invalid code");

        assertThat(login("junk-code")).hasStatus(HttpStatus.UNAUTHORIZED).bodyJson().extractingPath("$.code").isEqualTo(14001);

        assertNoSecretIn(output);
    }

    @Test
    void aWeChatServerErrorLeavesNoSecretInTheLog(CapturedOutput output) {
        weChat.codeToSessionAnswers("c-502", WeChatStubs.serverError());

        assertThat(login("c-502")).hasStatus(HttpStatus.SERVICE_UNAVAILABLE).bodyJson().extractingPath("$.code").isEqualTo(14003);

        assertThat(output).contains("WeChat code2session failed");
        assertNoSecretIn(output);
    }

    @Test
    void aFailingPhoneBindingLeavesNoSecretInTheLog(CapturedOutput output) {
        var me = users.resident();
        weChat.phoneNumberError("junk-phone-code", 40029);

        assertThat(bindPhone(me.bearer(), "junk-phone-code")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.code").isEqualTo(14006);

        assertNoSecretIn(output);
        assertThat(jdbc.queryForObject("select phone from app_user where id = ?", String.class, me.id())).isNull();
    }

    @Test
    void aSuccessfulLoginLeavesNoSessionKeyInTheLog(CapturedOutput output) {
        weChat.codeToSession("good-code", "o-" + UUID.randomUUID(), null, SESSION_KEY);

        assertThat(login("good-code")).hasStatusOk();

        assertNoSecretIn(output);
    }

    @Test
    void ourOwnLinesAreMaskedTooMessageAndStackTrace(CapturedOutput output) {
        LoggerFactory.getLogger(SecretsInLogsTest.class).warn("calling ?access_token={}&js_code=abc",
                WeChatStubs.ACCESS_TOKEN, new IllegalStateException("secret=wx-test-secret"));

        assertThat(output).contains("calling ?access_token=***&js_code=***", "IllegalStateException: secret=***");
        assertNoSecretIn(output);
    }

    /** As if someone turned WxJava's logging up to find a problem: its lines appear, masked. */
    @Nested
    class WithWxJavasLoggingTurnedUp {

        @Autowired
        LoggingSystem logging;

        @BeforeEach
        void turnUp() {
            logging.setLogLevel(WXJAVA, LogLevel.DEBUG);
        }

        @AfterEach
        void turnDown() {
            logging.setLogLevel(WXJAVA, LogLevel.OFF);
        }

        @Test
        void aRejectedLoginCodeIsLoggedMasked(CapturedOutput output) {
            weChat.codeToSessionError("junk-code-2", 40029, "invalid code");

            assertThat(login("junk-code-2")).hasStatus(HttpStatus.UNAUTHORIZED);

            assertThat(output).contains("access_token=***", "js_code=***", "secret=***");
            assertNoSecretIn(output);
        }

        @Test
        void aWeChatServerErrorIsLoggedMasked(CapturedOutput output) {
            weChat.codeToSessionAnswers("c-502-2", WeChatStubs.serverError());

            assertThat(login("c-502-2")).hasStatus(HttpStatus.SERVICE_UNAVAILABLE);

            assertThat(output).contains("access_token=***");
            assertNoSecretIn(output);
        }

        @Test
        void aFailingPhoneBindingIsLoggedMasked(CapturedOutput output) {
            weChat.phoneNumberError("junk-phone-code-2", 40029);

            assertThat(bindPhone(users.resident().bearer(), "junk-phone-code-2")).hasStatus(HttpStatus.BAD_REQUEST);

            assertThat(output).contains("access_token=***");
            assertNoSecretIn(output);
        }

        @Test
        void aSuccessfulLoginsReplyIsLoggedWithoutItsSessionKey(CapturedOutput output) {
            weChat.codeToSession("good-code-2", "o-" + UUID.randomUUID(), null, SESSION_KEY);

            assertThat(login("good-code-2")).hasStatusOk();

            assertThat(output).contains("\"session_key\":\"***\"");
            assertNoSecretIn(output);
        }
    }

    private static void assertNoSecretIn(CapturedOutput output) {
        assertThat(output.getAll()).doesNotContain(WeChatStubs.ACCESS_TOKEN, "wx-test-secret", SESSION_KEY);
    }

    private MvcTestResult login(String code) {
        return mvc.post().uri("/api/v1/auth/wx-login").with(from(ip))
                .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"" + code + "\"}").exchange();
    }

    private MvcTestResult bindPhone(String bearer, String code) {
        return mvc.post().uri("/api/v1/auth/phone").header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"" + code + "\"}").exchange();
    }
}
