package cn.doorstep.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.MutableClock;
import cn.doorstep.support.Parallel;
import cn.doorstep.support.TestServers;
import cn.doorstep.support.TestUsers.SignedIn;
import cn.doorstep.support.TestUsers;
import cn.doorstep.support.WeChatStubs;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;

/** Notices leave through the outbox: once, with consent, and a WeChat outage only delays them. */
@IntegrationTest
class NotifyTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    Notifier notifier;
    @Autowired
    OutboxSender sender;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    MutableClock clock;

    final WeChatStubs weChat = WeChatStubs.of(TestServers.get());
    SignedIn resident;
    String openid;

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-12-01T04:00:00Z"));
        weChat.reset();
        weChat.accessToken();
        weChat.subscribeMessageAnswers(WeChatStubs.ok());
        sender.sendDue(); // whatever other tests left behind goes first
        weChat.server().resetRequests();
        resident = users.resident();
        openid = jdbc.queryForObject("select openid from app_user where id = ?", String.class, resident.id());
    }

    @AfterEach
    void resetClock() {
        clock.set(Instant.now());
    }

    @Test
    void aNoticeWithConsentIsSentOnceWithItsFields() {
        consent("WISH_CLAIMED");
        claimed("wish-claimed:1");
        claimed("wish-claimed:1"); // the same fact announced again

        assertThat(sender.sendDue()).isEqualTo(1);

        assertThat(sent()).isEqualTo(1);
        weChat.server().verify(postRequestedFor(urlPathEqualTo("/cgi-bin/message/subscribe/send"))
                .withRequestBody(matchingJsonPath("$.touser", equalTo(openid)))
                .withRequestBody(matchingJsonPath("$.template_id", equalTo("tmpl-wish-claimed")))
                .withRequestBody(matchingJsonPath("$.page", equalTo("pages/wish/detail?id=1")))
                .withRequestBody(matchingJsonPath("$.data.thing1.value", equalTo("帮忙修楼道的灯（三单元二楼）真的很暗晚…"))));
        assertThat(status("wish-claimed:1")).isEqualTo("SENT");
        assertThat(consentsLeft("WISH_CLAIMED")).isZero();
    }

    @Test
    void withoutConsentNothingGoesToWeChat() {
        claimed("wish-claimed:2");

        sender.sendDue();

        assertThat(status("wish-claimed:2")).isEqualTo("SKIPPED");
        assertThat(sent()).isZero();
    }

    @Test
    void aWeChatOutageKeepsTheMessageAndItsConsentForTheRetry() {
        consent("WISH_CLAIMED");
        weChat.subscribeMessageAnswers(WeChatStubs.serverError());
        claimed("wish-claimed:3");

        sender.sendDue();
        assertThat(status("wish-claimed:3")).isEqualTo("PENDING");
        assertThat(consentsLeft("WISH_CLAIMED")).isEqualTo(1);
        assertThat(sender.sendDue()).as("not due again yet").isZero();

        weChat.subscribeMessageAnswers(WeChatStubs.ok());
        clock.set(clock.instant().plusSeconds(31));
        sender.sendDue();

        assertThat(status("wish-claimed:3")).isEqualTo("SENT");
        assertThat(consentsLeft("WISH_CLAIMED")).isZero();
    }

    @Test
    void aUserWhoRefusedIsNotAskedAgain() {
        consent("WISH_CLAIMED");
        weChat.subscribeMessageAnswers(WeChatStubs.errcode(43101));
        claimed("wish-claimed:4");

        sender.sendDue();
        clock.set(clock.instant().plusSeconds(3600));
        sender.sendDue();

        assertThat(status("wish-claimed:4")).isEqualTo("SKIPPED");
        assertThat(sent()).isEqualTo(1);
    }

    @Test
    void aNoticeOfAFactThatRolledBackIsNeverSent() {
        consent("WISH_CLAIMED");
        assertThatThrownBy(() -> transaction.executeWithoutResult(tx -> {
            claimed("wish-claimed:5");
            throw new IllegalStateException("the claim failed after all");
        })).isInstanceOf(IllegalStateException.class);

        sender.sendDue();

        assertThat(jdbc.queryForObject("select count(*) from notify_outbox where user_id = ?", Integer.class,
                resident.id())).isZero();
        assertThat(sent()).isZero();
    }

    @Test
    void sendersRacingEachOtherSendEachMessageOnce() {
        // rounds of eight senders claiming at once: overlapping claims are where InnoDB chose deadlock victims
        for (int round = 0; round < 10; round++) {
            for (int i = 0; i < 10; i++) {
                consent("WISH_CLAIMED");
                claimed("wish-claimed:race-" + round + "-" + i);
            }

            Parallel.run(8, 8, i -> sender.sendDue()); // every run answers: a deadlock's loser claims again

            // each attempt is one request to WeChat: a message two runs both sent would show one request more
            // (WireMock journals a request as it answers it: on a busy machine the count can trail the reply)
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(sent()).as("requests; the outbox holds %s", outboxOfResident()).isEqualTo(attempts()));
            assertThat(rows("SENT") + rows("PENDING")).as("sent, or waiting for a retry; the outbox holds %s",
                    outboxOfResident()).isEqualTo(10 * (round + 1));
        }
        // a send WeChat did not answer in time (the stub on a busy machine) waits for its retry: let the retries run
        for (int i = 0; i < 5 && rows("PENDING") > 0; i++) {
            clock.set(clock.instant().plusSeconds(3600));
            sender.sendDue();
        }
        assertThat(rows("SENT")).as("the outbox holds %s", outboxOfResident()).isEqualTo(100);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(sent()).isEqualTo(attempts()));
    }

    private int rows(String status) {
        return jdbc.queryForObject("select count(*) from notify_outbox where user_id = ? and status = ?", Integer.class,
                resident.id(), status);
    }

    private int attempts() {
        return jdbc.queryForObject("select coalesce(sum(attempts), 0) from notify_outbox where user_id = ?", Integer.class,
                resident.id());
    }

    private List<Map<String, Object>> outboxOfResident() {
        return jdbc.queryForList("select id, kind, dedupe_key, status, last_error, attempts, claim from notify_outbox "
                + "where user_id = ?", resident.id());
    }

    @Test
    void theMiniProgramLearnsTheTemplateIdsToAskFor() {
        assertThat(mvc.get().uri("/api/v1/notify/templates").header("Authorization", resident.bearer()))
                .hasStatusOk().bodyJson().extractingPath("$.data.WISH_CLAIMED").isEqualTo("tmpl-wish-claimed");
    }

    void consent(String kind) {
        assertThat(mvc.post().uri("/api/v1/notify/consents").header("Authorization", resident.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"kinds\":[\"" + kind + "\"]}")).hasStatusOk();
    }

    void claimed(String dedupeKey) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("thing1", "帮忙修楼道的灯（三单元二楼）真的很暗晚上看不见");
        fields.put("time2", "2026-12-01 12:00");
        notifier.notify(resident.id(), NotificationKind.WISH_CLAIMED, fields,
                "pages/wish/detail?id=" + dedupeKey.substring(dedupeKey.indexOf(':') + 1).replaceAll("\\D.*", ""),
                dedupeKey);
    }

    String status(String dedupeKey) {
        return jdbc.queryForObject("select status from notify_outbox where user_id = ? and dedupe_key = ?", String.class,
                resident.id(), dedupeKey);
    }

    int consentsLeft(String kind) {
        Integer left = jdbc.queryForObject("select max(remaining) from notify_consent where user_id = ? and kind = ?",
                Integer.class, resident.id(), kind);
        return left == null ? 0 : left;
    }

    int sent() {
        return weChat.server().countRequestsMatching(postRequestedFor(urlPathEqualTo("/cgi-bin/message/subscribe/send"))
                .withRequestBody(matchingJsonPath("$.touser", equalTo(openid))).build()).getCount();
    }
}
