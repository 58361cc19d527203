package cn.doorstep.stats;

import static org.awaitility.Awaitility.await;

import cn.doorstep.common.Role;
import cn.doorstep.media.MediaService;
import cn.doorstep.support.Http;
import cn.doorstep.support.MutableClock;
import cn.doorstep.support.TestImages;
import cn.doorstep.support.TestRegions;
import cn.doorstep.support.TestServers;
import cn.doorstep.support.TestUsers;
import cn.doorstep.support.TestUsers.SignedIn;
import cn.doorstep.support.WeChatStubs;
import cn.doorstep.user.UserService;
import cn.doorstep.wechat.WeChatClient;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Seeding wishes through the API at pinned times, and reading the statistics back. */
abstract class StatsTestSupport {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestUsers users;
    @Autowired
    TestRegions regions;
    @Autowired
    UserService userService;
    @Autowired
    MediaService media;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    WeChatClient weChatClient;
    @Autowired
    MutableClock clock;

    final WeChatStubs weChat = WeChatStubs.of(TestServers.get());

    void weChatPasses() {
        weChat.accessToken();
        weChat.contentCheck("pass");
        for (int i = 0; i < 10 && weChatClient.checkText("o-warm-up", 3, "warm", "up").verdict()
                == WeChatClient.Verdict.UNAVAILABLE; i++) {
            // the first check of a JVM builds WxJava's client: wait until WireMock answers in time
        }
    }

    SignedIn poster() {
        SignedIn poster = users.resident();
        userService.bindPhone(poster.id(), "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)));
        return poster;
    }

    /** Posts a wish at {@code at} (UTC); returns its id. */
    long postAt(SignedIn poster, long community, String category, String at) {
        clock.set(Instant.parse(at));
        var reply = mvc.post().uri("/api/v1/wishes").header("Authorization", poster.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"title":"统计测试","text":"三单元二楼的灯坏了，晚上看不见。","category":"%s","urgency":"NORMAL","photos":[],
                         "communityId":%d,"contactName":"张阿姨","address":"3号楼2单元501"}
                        """.formatted(category, community)).exchange();
        ok(reply);
        Number id = Http.read(reply, "$.data.id");
        return id.longValue();
    }

    void claimAt(SignedIn volunteer, long wish, String at) {
        clock.set(Instant.parse(at));
        ok(mvc.post().uri("/api/v1/wishes/" + wish + "/claim").header("Authorization", volunteer.bearer())
                .header("Idempotency-Key", UUID.randomUUID().toString()).exchange());
    }

    void fulfilAt(SignedIn volunteer, long wish, String at) {
        String photo = media.store(volunteer.id(), TestImages.png(6, 4)).url();
        jdbc.update("update media_image set check_status = 'PASSED' where path = ?",
                photo.substring(photo.indexOf("/media/") + "/media/".length()));
        clock.set(Instant.parse(at));
        ok(mvc.post().uri("/api/v1/wishes/" + wish + "/fulfil").header("Authorization", volunteer.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"note\":\"换了新灯泡\",\"photos\":[\"" + photo + "\"],\"hours\":1.5}").exchange());
    }

    void confirmAt(SignedIn poster, long wish, int rating, String at) {
        clock.set(Instant.parse(at));
        ok(mvc.post().uri("/api/v1/wishes/" + wish + "/confirm").header("Authorization", poster.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"rating\":" + rating + "}").exchange());
    }

    void cancelAt(SignedIn poster, long wish, String at) {
        clock.set(Instant.parse(at));
        ok(mvc.post().uri("/api/v1/wishes/" + wish + "/cancel").header("Authorization", poster.bearer()).exchange());
    }

    SignedIn volunteerOf(long community) {
        return users.with(Role.VOLUNTEER, community);
    }

    private static void ok(MvcTestResult reply) {
        if (reply.getResponse().getStatus() != 200) {
            throw new AssertionError("seeding failed: " + reply.getResponse().getStatus() + " " + Http.body(reply));
        }
    }

    /** Until every WishChanged published so far was folded. */
    void awaitFolds() {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from EVENT_PUBLICATION"
                + " where EVENT_TYPE = 'cn.doorstep.wish.WishChanged' and COMPLETION_DATE is null", Integer.class) == 0);
    }

    MvcTestResult get(SignedIn who, String path) {
        return mvc.get().uri("/api/v1/admin/stats/" + path).header("Authorization", who.bearer()).exchange();
    }
}
