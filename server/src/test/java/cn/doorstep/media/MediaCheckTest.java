package cn.doorstep.media;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import cn.doorstep.common.Role;
import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.MutableClock;
import cn.doorstep.support.Parallel;
import cn.doorstep.support.TestImages;
import cn.doorstep.support.TestRegions;
import cn.doorstep.support.TestServers;
import cn.doorstep.support.TestUsers;
import cn.doorstep.support.TestUsers.SignedIn;
import cn.doorstep.support.WeChatStubs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Every upload goes through WeChat's media check (WireMock as WeChat): shown to its uploader and the
 * community's admins only until WeChat's signed callback passes it; risky withdraws it and flags its
 * wish; WeChat down or silent → held and sent again by the job, then escalated to an admin; a forged
 * callback changes nothing.
 */
@IntegrationTest
class MediaCheckTest {

    static final String PUSH_TOKEN = "push-token-for-tests";
    static final Duration ASYNC = Duration.ofSeconds(10);

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestUsers users;
    @Autowired
    TestRegions regions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MediaChecks checks;
    @Autowired
    MediaProperties properties;
    @Autowired
    MutableClock clock;

    final WeChatStubs weChat = WeChatStubs.of(TestServers.get());

    long community;
    SignedIn poster;
    SignedIn stranger;
    SignedIn admin;
    String trace;

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-12-01T02:00:00Z"));
        weChat.reset();
        weChat.accessToken();
        weChat.contentCheck("pass");
        trace = "trace-" + UUID.randomUUID();
        weChat.mediaCheckAccepted(trace);
        community = regions.community();
        poster = users.resident();
        stranger = users.resident();
        admin = users.with(Role.ADMIN, community);
    }

    @AfterEach
    void resetClock() {
        clock.set(Instant.now());
    }

    @Test
    void anUploadIsSentToWeChatAsItsUploaderAndShownToOthersOnlyOnceWeChatPassesIt() {
        String url = upload(poster);

        weChat.server().verify(postRequestedFor(urlPathEqualTo("/wxa/media_check_async"))
                .withRequestBody(matchingJsonPath("$.media_url", equalTo(url)))
                .withRequestBody(matchingJsonPath("$.media_type", equalTo("2")))
                .withRequestBody(matchingJsonPath("$.version", equalTo("2")))
                .withRequestBody(matchingJsonPath("$.openid", equalTo(openidOf(poster)))));
        assertThat(row(url)).containsEntry("check_status", "CHECKING").containsEntry("check_trace_id", trace);
        long wish = postWish(poster, url);
        assertThat(photosSeenBy(stranger, wish)).isEmpty();
        assertThat(wall()).doesNotContain(url);
        assertThat(photosSeenBy(poster, wish)).containsExactly(url);
        assertThat(photosSeenBy(admin, wish)).containsExactly(url);

        assertThat(callback(trace, "pass", "100")).hasStatusOk().hasBodyTextEqualTo("success");

        await().atMost(ASYNC).until(() -> "PASSED".equals(row(url).get("check_status")));
        assertThat(photosSeenBy(stranger, wish)).containsExactly(url);
        assertThat(wall()).contains(url);
        assertThat(flagOf(wish)).isNull();
    }

    @Test
    void aRiskyPhotoIsWithdrawnFromTheServedFolderAndItsWishFlaggedForTheCommunityAdmin() {
        String url = upload(poster);
        long wish = postWish(poster, url);
        Path served = properties.dir().resolve(pathOf(url));
        assertThat(served).exists();

        assertThat(callback(trace, "risky", "20002")).hasStatusOk();

        await().atMost(ASYNC).until(() -> "PHOTO_RISKY".equals(flagOf(wish)));
        assertThat(row(url)).containsEntry("check_status", "WITHDRAWN").containsEntry("check_label", "20002");
        assertThat(served).doesNotExist();
        assertThat(properties.withdrawnDir().resolve(pathOf(url))).exists();
        assertThat(photosSeenBy(poster, wish)).isEmpty();
        assertThat(photosSeenBy(admin, wish)).isEmpty();
        assertThat(mvc.get().uri("/api/v1/admin/wishes?flagged=true&communityId=" + community)
                .header("Authorization", admin.bearer())).bodyJson().extractingPath("$.data.items[*].id").asArray()
                .containsExactly((int) wish);
        assertThat(detail(admin, wish)).bodyJson().extractingPath("$.data.flag.reason").isEqualTo("PHOTO_RISKY");

        // the same verdict delivered again changes nothing; the withdrawn photo cannot be attached again
        assertThat(callback(trace, "risky", "20002")).hasStatusOk();
        assertThat(post(poster, wishJson(url))).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY)
                .bodyJson().extractingPath("$.data.errors[0].field").isEqualTo("photos[0]");
    }

    @Test
    void aPhotoWeChatWantsAPersonForIsHeldUntilTheAdminReleasesIt() {
        String url = upload(poster);
        long wish = postWish(poster, url);

        assertThat(callback(trace, "review", "20001")).hasStatusOk();

        await().atMost(ASYNC).until(() -> "PHOTO_REVIEW".equals(flagOf(wish)));
        assertThat(row(url)).containsEntry("check_status", "REVIEW");
        assertThat(photosSeenBy(stranger, wish)).isEmpty();

        assertThat(clearFlag(admin, wish, "PHOTO_REVIEW", true)).hasStatusOk()
                .bodyJson().extractingPath("$.data.flag").isNull();
        assertThat(row(url)).containsEntry("check_status", "PASSED").containsEntry("check_label", "ADMIN_PASSED");
        assertThat(flagOf(wish)).isNull();
        assertThat(photosSeenBy(stranger, wish)).containsExactly(url);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where actor_id = ? and action = 'wish.clear-flag'",
                Integer.class, admin.id())).isEqualTo(1);
        assertThat(clearFlag(admin, wish, "PHOTO_REVIEW", true)).hasStatus(HttpStatus.CONFLICT)
                .bodyJson().extractingPath("$.code").isEqualTo(40019);
    }

    @Nested
    class Races {

        @Test
        void tenAdminsAnsweringOneFlagAtOnceDecideItOnce() {
            String url = upload(poster);
            long wish = postWish(poster, url);
            assertThat(callback(trace, "review", "20001")).hasStatusOk();
            await().atMost(ASYNC).until(() -> "PHOTO_REVIEW".equals(flagOf(wish)));
            List<SignedIn> admins = Parallel.run(10, 10, i -> users.with(Role.ADMIN, community));

            List<Integer> statuses = Parallel.run(10, 10, i -> clearFlag(admins.get(i), wish, "PHOTO_REVIEW", i % 2 == 0)
                    .getResponse().getStatus());

            assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
            assertThat(statuses.stream().filter(s -> s == 409)).hasSize(9);
            assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'wish.clear-flag' and target_id = ?",
                    Integer.class, String.valueOf(wish))).isEqualTo(1);
            assertThat(row(url).get("check_status")).isIn("PASSED", "WITHDRAWN");
            await().atMost(ASYNC).until(() -> jdbc.queryForObject("select count(*) from EVENT_PUBLICATION where "
                    + "SERIALIZED_EVENT like ? and COMPLETION_DATE is null", Integer.class, "%" + pathOf(url) + "%") == 0);
            assertThat(flagOf(wish)).as("an admin's own withdrawal raises no new flag").isNull();
        }

        @Test
        void aRiskyVerdictDeliveredTenTimesAtOnceWithdrawsTheImageOnce() {
            String url = upload(poster);

            List<Integer> statuses = Parallel.run(10, 10, i -> callback(trace, "risky", "20002").getResponse().getStatus());

            assertThat(statuses).containsOnly(200);
            await().atMost(ASYNC).until(() -> "WITHDRAWN".equals(row(url).get("check_status")));
            await().atMost(ASYNC).until(() -> incompleteVerdicts() == 0);
            String withdrawn = "%" + pathOf(url) + "%";
            assertThat(jdbc.queryForObject("select (select count(*) from EVENT_PUBLICATION where EVENT_TYPE = ? and "
                    + "SERIALIZED_EVENT like ?) + (select count(*) from EVENT_PUBLICATION_ARCHIVE where EVENT_TYPE = ? and "
                    + "SERIALIZED_EVENT like ?)", Integer.class, ImageWithdrawn.class.getName(), withdrawn,
                    ImageWithdrawn.class.getName(), withdrawn)).as("one ImageWithdrawn, heard by wish once").isEqualTo(1);
        }

        int incompleteVerdicts() {
            return jdbc.queryForObject("select count(*) from EVENT_PUBLICATION where SERIALIZED_EVENT like ? "
                    + "and COMPLETION_DATE is null", Integer.class, "%" + trace + "%");
        }
    }

    @Nested
    class WhenWeChatDoesNotAnswer {

        @Test
        void anImageUploadedWhileWeChatIsDownIsHeldAndSentByTheJobOnceItIsBack() {
            weChat.mediaCheckAnswers(WeChatStubs.serverError());

            String url = upload(poster);

            assertThat(row(url)).containsEntry("check_status", "PENDING").containsEntry("check_attempts", 1);
            long wish = postWish(poster, url);
            assertThat(photosSeenBy(poster, wish)).containsExactly(url);
            assertThat(photosSeenBy(stranger, wish)).isEmpty();

            weChat.mediaCheckAccepted(trace);
            checks.resendDue();
            assertThat(row(url)).as("not before the retry delay").containsEntry("check_status", "PENDING");

            clock.set(clock.instant().plus(properties.checkRetryAfter()));
            checks.resendDue();

            assertThat(row(url)).containsEntry("check_status", "CHECKING").containsEntry("check_trace_id", trace)
                    .containsEntry("check_attempts", 2);
            assertThat(callback(trace, "pass", "100")).hasStatusOk();
            await().atMost(ASYNC).until(() -> photosSeenBy(stranger, wish).contains(url));
        }

        @Test
        void aCheckTimingOutIsHeldNotLost() {
            weChat.mediaCheckAnswers(WeChatStubs.slow(WeChatStubs.ok()));

            String url = upload(poster);

            assertThat(row(url)).containsEntry("check_status", "PENDING");
            assertThat(Files.exists(properties.dir().resolve(pathOf(url)))).isTrue();
        }

        @Test
        void aCheckWithoutAVerdictPastTheDeadlineIsSentAgainAndAfterTheLastAttemptGoesToTheAdmin() {
            String url = upload(poster);
            long wish = postWish(poster, url);

            for (int attempt = 2; attempt <= properties.checkAttempts(); attempt++) {
                clock.set(clock.instant().plus(properties.checkDeadline()));
                checks.resendDue();
                assertThat(row(url)).containsEntry("check_status", "CHECKING").containsEntry("check_attempts", attempt);
            }
            clock.set(clock.instant().plus(properties.checkDeadline()));
            checks.resendDue();

            assertThat(row(url)).containsEntry("check_status", "REVIEW").containsEntry("check_label", "NO_VERDICT");
            await().atMost(ASYNC).until(() -> "PHOTO_REVIEW".equals(flagOf(wish)));
            assertThat(photosSeenBy(stranger, wish)).isEmpty();
            weChat.server().verify(properties.checkAttempts(), postRequestedFor(urlPathEqualTo("/wxa/media_check_async"))
                    .withRequestBody(matchingJsonPath("$.media_url", equalTo(url))));

            // WeChat's verdict, late, still decides
            assertThat(callback(trace, "pass", "100")).hasStatusOk();
            await().atMost(ASYNC).until(() -> "PASSED".equals(row(url).get("check_status")));
        }
    }

    @Nested
    class TheMessagePush {

        @Test
        void aForgedOrUnsignedCallbackIsRefusedAndChangesNothing() {
            String url = upload(poster);
            String body = event(trace, "pass", "100");
            String timestamp = "1764554400";

            assertThat(mvc.post().uri("/api/v1/wechat/push?signature={s}&timestamp={t}&nonce=n1", sign("wrong-token",
                    timestamp, "n1"), timestamp).contentType(MediaType.APPLICATION_JSON).content(body))
                    .hasStatus(HttpStatus.FORBIDDEN).bodyJson().extractingPath("$.code").isEqualTo(14007);
            assertThat(mvc.post().uri("/api/v1/wechat/push").contentType(MediaType.APPLICATION_JSON).content(body))
                    .hasStatus(HttpStatus.FORBIDDEN).bodyJson().extractingPath("$.code").isEqualTo(14007);
            // signed for another body's parameters: the nonce does not match
            assertThat(mvc.post().uri("/api/v1/wechat/push?signature={s}&timestamp={t}&nonce=n2",
                    sign(PUSH_TOKEN, timestamp, "n1"), timestamp).contentType(MediaType.APPLICATION_JSON).content(body))
                    .hasStatus(HttpStatus.FORBIDDEN);

            assertThat(row(url)).containsEntry("check_status", "CHECKING");
            assertThat(jdbc.queryForObject("select count(*) from EVENT_PUBLICATION where SERIALIZED_EVENT like ?",
                    Integer.class, "%" + trace + "%")).isZero();
        }

        @Test
        void weChatsUrlVerificationIsEchoedOnlyWhenSignedWithTheToken() {
            String timestamp = "1764554400";

            assertThat(mvc.get().uri("/api/v1/wechat/push?signature={s}&timestamp={t}&nonce=abc&echostr=echo-123",
                    sign(PUSH_TOKEN, timestamp, "abc"), timestamp)).hasStatusOk().hasBodyTextEqualTo("echo-123");
            assertThat(mvc.get().uri("/api/v1/wechat/push?signature={s}&timestamp={t}&nonce=abc&echostr=echo-123",
                    sign("guess", timestamp, "abc"), timestamp)).hasStatus(HttpStatus.FORBIDDEN)
                    .bodyJson().extractingPath("$.code").isEqualTo(14007);
        }

        @Test
        void anXmlCallbackIsRefusedAsUnreadableAndChangesNothing() {
            String url = upload(poster);
            String xml = """
                    <xml><ToUserName><![CDATA[gh_test]]></ToUserName><FromUserName><![CDATA[o-user]]></FromUserName>\
                    <CreateTime>1764554400</CreateTime><MsgType><![CDATA[event]]></MsgType>\
                    <Event><![CDATA[wxa_media_check]]></Event><appid><![CDATA[wx-test-appid]]></appid>\
                    <trace_id><![CDATA[%s]]></trace_id><version>2</version>\
                    <result><suggest><![CDATA[pass]]></suggest><label>100</label></result></xml>""".formatted(trace);

            assertThat(signedPost(xml, MediaType.TEXT_XML)).hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyJson().extractingPath("$.code").isEqualTo(14008);

            assertThat(row(url)).containsEntry("check_status", "CHECKING");
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------

    String upload(SignedIn who) {
        MvcTestResult reply = mvc.perform(multipart("/api/v1/media/images")
                .file(new MockMultipartFile("file", "p.png", "image/png", TestImages.png(8, 6)))
                .header("Authorization", who.bearer()));
        assertThat(reply).hasStatusOk();
        return Http.read(reply, "$.data.url");
    }

    MvcTestResult callback(String traceId, String suggest, String label) {
        return signedPost(event(traceId, suggest, label), MediaType.APPLICATION_JSON);
    }

    MvcTestResult signedPost(String body, MediaType type) {
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        String nonce = UUID.randomUUID().toString().substring(0, 8);
        return mvc.post().uri("/api/v1/wechat/push?signature={s}&timestamp={t}&nonce={n}",
                sign(PUSH_TOKEN, timestamp, nonce), timestamp, nonce).contentType(type).content(body).exchange();
    }

    /** WeChat's wxa_media_check event as its docs show it (JSON data format). */
    static String event(String traceId, String suggest, String label) {
        return """
                {"ToUserName":"gh_test","FromUserName":"o-user","CreateTime":1764554400,"MsgType":"event",\
                "Event":"wxa_media_check","appid":"wx-test-appid","trace_id":"%s","version":2,\
                "detail":[{"strategy":"content_model","errcode":0,"suggest":"%s","label":%s,"prob":90}],\
                "errcode":0,"errmsg":"ok","result":{"suggest":"%s","label":%s}}""".formatted(traceId, suggest, label,
                suggest, label);
    }

    /** WeChat's plain-mode signature: SHA-1 of token, timestamp and nonce, sorted and joined. */
    static String sign(String token, String timestamp, String nonce) {
        try {
            String joined = String.join("", Stream.of(token, timestamp, nonce).sorted().toList());
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(joined.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String wishJson(String photo) {
        return """
                {"title":"灯坏了","text":"三单元二楼的灯坏了。","category":"REPAIRS","urgency":"HIGH","photos":["%s"],
                 "communityId":%d,"contactName":"张阿姨","address":"3号楼2单元501"}
                """.formatted(photo, community);
    }

    MvcTestResult post(SignedIn who, String json) {
        return mvc.post().uri("/api/v1/wishes").header("Authorization", who.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    long postWish(SignedIn who, String photo) {
        MvcTestResult reply = post(who, wishJson(photo));
        assertThat(reply).hasStatusOk();
        Number id = Http.read(reply, "$.data.id");
        jdbc.update("update wish set status = 'OPEN', published_at = ? where id = ?", java.sql.Timestamp.from(clock.instant()),
                id.longValue()); // published whatever WeChat's text check said: this test is about the photo
        return id.longValue();
    }

    MvcTestResult detail(SignedIn who, long wish) {
        return mvc.get().uri("/api/v1/wishes/" + wish).header("Authorization", who.bearer()).exchange();
    }

    List<String> photosSeenBy(SignedIn who, long wish) {
        return Http.read(detail(who, wish), "$.data.photos");
    }

    List<String> wall() {
        MvcTestResult reply = mvc.get().uri("/api/v1/wishes?communityId=" + community + "&size=50")
                .header("Authorization", stranger.bearer()).exchange();
        List<String> covers = Http.read(reply, "$.data.items[*].cover");
        return covers.stream().filter(java.util.Objects::nonNull).toList();
    }

    MvcTestResult clearFlag(SignedIn who, long wish, String flag, boolean release) {
        return mvc.post().uri("/api/v1/admin/wishes/" + wish + "/clear-flag").header("Authorization", who.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"flag\":\"" + flag + "\",\"releasePhotos\":" + release + "}").exchange();
    }

    String flagOf(long wish) {
        return jdbc.queryForObject("select flag_reason from wish where id = ?", String.class, wish);
    }

    Map<String, Object> row(String url) {
        return jdbc.queryForMap("select check_status, check_trace_id, check_attempts, check_label from media_image "
                + "where path = ?", pathOf(url));
    }

    String openidOf(SignedIn who) {
        return jdbc.queryForObject("select openid from app_user where id = ?", String.class, who.id());
    }

    static String pathOf(String url) {
        return url.substring(url.indexOf("/media/") + "/media/".length());
    }
}
