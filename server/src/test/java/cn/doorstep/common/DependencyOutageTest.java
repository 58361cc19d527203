package cn.doorstep.common;

import static cn.doorstep.support.Http.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import cn.doorstep.support.ProxiedServers;
import cn.doorstep.support.TcpProxy;
import cn.doorstep.support.TestServers;
import cn.doorstep.support.TestUsers.SignedIn;
import cn.doorstep.support.TestUsers;
import cn.doorstep.support.WeChatStubs;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The database or Redis going away for real (their connections reset, new ones refused): requests
 * that need it answer 503 with its code within seconds, and work again once it is back, without a
 * restart.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(ProxiedServers.class)
class DependencyOutageTest {

    static final Duration FAST = Duration.ofSeconds(5);
    static final Duration RECOVERY = Duration.ofSeconds(30);

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcTemplate jdbc;

    final TcpProxy database = ProxiedServers.database();
    final TcpProxy redis = ProxiedServers.redis();
    final WeChatStubs weChat = WeChatStubs.of(TestServers.get());
    SignedIn me;

    @BeforeEach
    void signIn() {
        weChat.reset();
        weChat.accessToken();
        me = users.resident();
        assertThat(getMe()).hasStatusOk(); // the session and the role copy are in Redis now
    }

    @AfterEach
    void restore() {
        database.restore();
        redis.restore();
    }

    @Test
    void withTheDatabaseDownReadsAndWritesAnswer503WithItsCodeWithinSecondsAndRecover() {
        database.cut();

        assertUnavailable(this::getMe, 10504);
        assertUnavailable(() -> patchMe("{\"nickname\":\"断线\"}"), 10504);

        database.restore();
        await().atMost(RECOVERY).untilAsserted(() -> assertThat(patchMe("{\"nickname\":\"恢复\"}")).hasStatusOk());
        assertThat(getMe()).hasStatusOk().bodyJson().extractingPath("$.data.user.nickname").isEqualTo("恢复");
        assertThat(jdbc.queryForObject("select nickname from app_user where id = ?", String.class, me.id()))
                .isEqualTo("恢复");
    }

    @Test
    void withRedisDownLoginAndSignedInCallsAnswer503WithItsCodeWithinSecondsAndRecover() {
        assumeFalse(TestServers.get().redisCluster(), "a Redis Cluster cannot be reached through one proxy");
        String openid = "o-" + UUID.randomUUID();
        weChat.codeToSession("during-outage", openid, null, "k");
        weChat.codeToSession("after-outage", openid, null, "k");
        long usersBefore = jdbc.queryForObject("select count(*) from app_user", Long.class);
        redis.cut();

        assertUnavailable(() -> login("during-outage"), 10505);
        assertUnavailable(this::getMe, 10505);
        assertThat(jdbc.queryForObject("select count(*) from app_user", Long.class)).isEqualTo(usersBefore);

        redis.restore();
        await().atMost(RECOVERY).untilAsserted(() -> assertThat(getMe()).hasStatusOk());
        MvcTestResult login = login("after-outage");
        assertThat(login).hasStatusOk();
        String token = cn.doorstep.support.Http.read(login, "$.data.token");
        assertThat(mvc.get().uri("/api/v1/me").header("Authorization", "Bearer " + token)).hasStatusOk();
    }

    private void assertUnavailable(Supplier<MvcTestResult> call, int code) {
        long started = System.nanoTime();
        MvcTestResult reply = call.get();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(reply).hasStatus(HttpStatus.SERVICE_UNAVAILABLE).bodyJson().extractingPath("$.code").isEqualTo(code);
        assertThat(took).isLessThan(FAST);
    }

    private MvcTestResult getMe() {
        return mvc.get().uri("/api/v1/me").header("Authorization", me.bearer()).exchange();
    }

    private MvcTestResult patchMe(String json) {
        return mvc.patch().uri("/api/v1/me").header("Authorization", me.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    private MvcTestResult login(String code) {
        return mvc.post().uri("/api/v1/auth/wx-login").with(from("10.40.0." + (int) (Math.random() * 250)))
                .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"" + code + "\"}").exchange();
    }
}
