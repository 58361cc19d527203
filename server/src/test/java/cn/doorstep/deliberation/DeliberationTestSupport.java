package cn.doorstep.deliberation;

import cn.doorstep.common.Role;
import cn.doorstep.support.Http;
import cn.doorstep.support.MutableClock;
import cn.doorstep.support.TestRegions;
import cn.doorstep.support.TestServers;
import cn.doorstep.support.TestStations;
import cn.doorstep.support.TestUsers.SignedIn;
import cn.doorstep.support.TestUsers;
import cn.doorstep.support.WeChatStubs;
import cn.doorstep.user.ProfileUpdate;
import cn.doorstep.user.UserService;
import cn.doorstep.wechat.WeChatClient;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The people and places of a deliberation test (a fresh community each time) and the requests they make. */
abstract class DeliberationTestSupport {

    /** Tuesday 1 December 2026, 10:00 in China. */
    static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestUsers users;
    @Autowired
    TestRegions regions;
    @Autowired
    TestStations stations;
    @Autowired
    UserService userService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    WeChatClient weChatClient;

    final WeChatStubs weChat = WeChatStubs.of(TestServers.get());

    long community;
    long station;
    SignedIn admin;
    SignedIn proposer;

    void setUpCommunity() {
        clock.set(NOW);
        weChat.accessToken();
        weChat.contentCheck("pass");
        for (int i = 0; i < 10; i++) { // the first check of a JVM may outlast WeChat's timeout: warm it up
            if (weChatClient.checkText("o-warm-up", 3, "warm", "up").verdict() != WeChatClient.Verdict.UNAVAILABLE) {
                break;
            }
        }
        community = regions.community();
        station = stations.at(community, 43.85, 126.55).named("议事驿站").create().id();
        admin = users.with(Role.ADMIN, community);
        proposer = residentOf(community);
    }

    /** A resident whose profile names the community. */
    SignedIn residentOf(long communityId) {
        SignedIn who = users.resident();
        userService.updateProfile(who.id(), new ProfileUpdate(null, null, communityId, null));
        return who;
    }

    MvcTestResult post(SignedIn who, String uri, String json) {
        var request = mvc.post().uri(uri).header("Authorization", who.bearer());
        return json == null ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    MvcTestResult get(SignedIn who, String uri) {
        return mvc.get().uri(uri).header("Authorization", who.bearer()).exchange();
    }

    MvcTestResult propose(SignedIn who, long communityId, String title, String text) {
        return post(who, "/api/v1/topics", """
                {"communityId":%d,"title":"%s","text":"%s"}""".formatted(communityId, title, text));
    }

    long proposed() {
        return idOf(propose(proposer, community, "楼道堆物清理", "5号楼楼道堆满杂物，存在消防隐患，建议议一议怎么清。"));
    }

    /** A topic on the agenda. */
    long accepted() {
        long id = proposed();
        post(admin, "/api/v1/admin/topics/" + id + "/accept", null);
        return id;
    }

    MvcTestResult schedule(SignedIn who, long topicId, String startsAt, String endsAt, String audience) {
        return post(who, "/api/v1/admin/topics/" + topicId + "/meetings", """
                {"stationId":%d,"startsAt":"%s","endsAt":"%s","place":"驿站二楼会议室","seats":20%s}"""
                .formatted(station, startsAt, endsAt, audience == null ? "" : ",\"audience\":\"" + audience + "\""));
    }

    MvcTestResult book(SignedIn who, long activityId) {
        return mvc.post().uri("/api/v1/bookings").header("Authorization", who.bearer())
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"activityId\":" + activityId + "}").exchange();
    }

    static long idOf(MvcTestResult reply) {
        return ((Number) Http.read(reply, "$.data.id")).longValue();
    }

    static long number(MvcTestResult reply, String path) {
        return ((Number) Http.read(reply, path)).longValue();
    }

    String topicStatus(long id) {
        return jdbc.queryForObject("select status from deliberation_topic where id = ?", String.class, id);
    }

    int audits(String action, String targetType, long targetId) {
        return jdbc.queryForObject("select count(*) from audit_log where action = ? and target_type = ? and target_id = ?",
                Integer.class, action, targetType, String.valueOf(targetId));
    }
}
