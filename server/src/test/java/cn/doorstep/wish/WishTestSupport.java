package cn.doorstep.wish;

import cn.doorstep.common.Role;
import cn.doorstep.media.MediaService;
import cn.doorstep.support.Http;
import cn.doorstep.support.TestImages;
import cn.doorstep.support.TestRegions;
import cn.doorstep.support.TestUsers;
import cn.doorstep.support.TestUsers.SignedIn;
import cn.doorstep.user.UserService;
import cn.doorstep.wechat.WeChatClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The people of a wish test (a fresh community each time) and the requests they make. */
abstract class WishTestSupport {

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

    long community;
    SignedIn poster;
    SignedIn volunteer;
    SignedIn secondVolunteer;
    SignedIn stranger;
    SignedIn admin;

    void setUpPeople() {
        community = regions.community();
        poster = users.resident();
        userService.bindPhone(poster.id(), "13912345678");
        volunteer = users.with(Role.VOLUNTEER, community);
        userService.bindPhone(volunteer.id(), "13700001111");
        secondVolunteer = users.with(Role.VOLUNTEER, community);
        stranger = users.resident();
        admin = users.with(Role.ADMIN, community);
    }

    /**
     * Waits until WeChat (WireMock) answers the content check in time: the first call of a JVM builds
     * WxJava's HTTP client and fetches the token, which on a loaded machine can outlast the 2 s read
     * timeout, and a wish the check timed out on is (rightly) held instead of published.
     */
    void contentCheckAnswersInTime() {
        for (int i = 0; i < 10; i++) {
            if (weChatClient.checkText("o-warm-up", 3, "warm", "up").verdict() != WeChatClient.Verdict.UNAVAILABLE) {
                return;
            }
        }
    }

    String wishJson(String title) {
        return """
                {"title":"%s","text":"三单元二楼的灯坏了，晚上看不见。","category":"REPAIRS","urgency":"HIGH","photos":[],
                 "communityId":%d,"contactName":"张阿姨","address":"3号楼2单元501"}
                """.formatted(title, community);
    }

    MvcTestResult post(SignedIn who, String json) {
        return mvc.post().uri("/api/v1/wishes").header("Authorization", who.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    MvcTestResult claim(SignedIn who, long id, String key) {
        var request = mvc.post().uri("/api/v1/wishes/" + id + "/claim").header("Authorization", who.bearer());
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.exchange();
    }

    MvcTestResult fulfil(SignedIn who, long id, String photo) {
        return mvc.post().uri("/api/v1/wishes/" + id + "/fulfil").header("Authorization", who.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"note\":\"换了新灯泡\",\"photos\":[\"" + photo + "\"],\"hours\":1.5}").exchange();
    }

    MvcTestResult confirm(SignedIn who, long id, int rating, String comment) {
        return mvc.post().uri("/api/v1/wishes/" + id + "/confirm").header("Authorization", who.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"rating\":" + rating + (comment == null ? "" : ",\"comment\":\"" + comment + "\"") + "}")
                .exchange();
    }

    MvcTestResult cancel(SignedIn who, long id) {
        return mvc.post().uri("/api/v1/wishes/" + id + "/cancel").header("Authorization", who.bearer()).exchange();
    }

    MvcTestResult detail(SignedIn who, long id) {
        return mvc.get().uri("/api/v1/wishes/" + id).header("Authorization", who.bearer()).exchange();
    }

    static long idOf(MvcTestResult reply) {
        Number id = Http.read(reply, "$.data.id");
        return id.longValue();
    }

    String status(long id) {
        return jdbc.queryForObject("select status from wish where id = ?", String.class, id);
    }

    int steps(long id, String step) {
        return jdbc.queryForObject("select count(*) from wish_event where wish_id = ? and step = ?", Integer.class, id, step);
    }

    String photoUrl(SignedIn owner) {
        return media.store(owner.id(), TestImages.png(6, 4)).url();
    }

    long balance(SignedIn who) {
        Long balance = jdbc.queryForObject("select max(balance) from points_account where user_id = ?", Long.class, who.id());
        return balance == null ? 0 : balance;
    }

    int awards(SignedIn who, long wishId) {
        return jdbc.queryForObject("select count(*) from points_ledger where user_id = ? and reason = 'WISH_FULFILLED' "
                + "and ref_type = 'wish' and ref_id = ?", Integer.class, who.id(), String.valueOf(wishId));
    }
}
