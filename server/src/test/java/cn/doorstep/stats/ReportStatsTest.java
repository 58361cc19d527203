package cn.doorstep.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.doorstep.common.Role;
import cn.doorstep.media.MediaService;
import cn.doorstep.report.ReportChanged;
import cn.doorstep.report.ReportTestSupport;
import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.TestImages;
import cn.doorstep.support.TestServers;
import cn.doorstep.support.TestUsers.SignedIn;
import cn.doorstep.support.WeChatStubs;
import cn.doorstep.wechat.WeChatClient;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Report statistics of the week Monday 2033-03-07 to Sunday 2033-03-13 China time, seeded through the API at pinned
 * times (a year no other test uses). Community C1 (street S, grid G): r1 LIGHTING filed Monday 09:00, accepted after
 * 30 minutes, resolved after 2 hours, rated satisfied; r2 ROADS filed Monday 10:00, routed to department D after 10
 * minutes, which accepts it and resolves it after 3 hours, rated satisfied; r3 LIGHTING filed Tuesday 09:00 and left
 * (its 2 hours to accept run out); r4 SANITATION filed Wednesday 00:30 (Tuesday in UTC), accepted at 09:00; r5 NOISE
 * filed Wednesday 11:00, accepted after 5 minutes, resolved, rated not satisfied (reopened one level up), resolved
 * again by the street, rated not satisfied again (closed). C2 (S): r6 filed Wednesday. The safety-net job runs on
 * Wednesday evening.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportStatsTest extends ReportTestSupport {

    static final String WEEK = "period=week&date=2033-03-09";

    @Autowired
    StatsListener listener;
    @Autowired
    StatsJobs jobs;
    @Autowired
    MediaService media;
    @Autowired
    WeChatClient weChatClient;

    final WeChatStubs weChat = WeChatStubs.of(TestServers.get());
    long street;
    long district;
    long c2;
    long department;
    SignedIn streetAdmin;
    final Map<Long, SignedIn> reporters = new java.util.HashMap<>();

    @BeforeAll
    void seed() {
        clock.set(Instant.parse("2033-03-07T00:30:00Z"));
        weChat.accessToken();
        weChat.contentCheck("pass");
        for (int i = 0; i < 10 && weChatClient.checkText("o-warm-up", 3, "warm", "up").verdict()
                == WeChatClient.Verdict.UNAVAILABLE; i++) {
            // the first check of a JVM builds WxJava's client: wait until WireMock answers in time
        }
        setUpPeople();
        street = chain.street();
        district = chain.district();
        c2 = regions.communityIn(street);
        department = departmentServing(street);
        SignedIn departmentPerson = users.with(Role.DEPARTMENT, department);
        streetAdmin = users.with(Role.STREET_ADMIN, street);

        long r1 = fileAt("LIGHTING", community, grid, "2033-03-07T01:00:00Z");
        step(admin, "/api/v1/admin/reports/" + r1 + "/accept", null, "2033-03-07T01:30:00Z");
        step(admin, "/api/v1/admin/reports/" + r1 + "/resolve", "{\"text\":\"已更换灯泡。\",\"photos\":[]}", "2033-03-07T03:00:00Z");
        long r2 = fileAt("ROADS", community, grid, "2033-03-07T02:00:00Z");
        step(admin, "/api/v1/admin/reports/" + r2 + "/route", "{\"departmentIds\":[" + department + "],\"note\":\"请处理\"}",
                "2033-03-07T02:10:00Z");
        step(departmentPerson, "/api/v1/department/reports/" + r2 + "/accept", null, "2033-03-07T02:20:00Z");
        step(departmentPerson, "/api/v1/department/reports/" + r2 + "/resolve", "{\"text\":\"已修补路面。\",\"photos\":[\""
                + photo(departmentPerson) + "\"]}", "2033-03-07T05:00:00Z");
        long r3 = fileAt("LIGHTING", community, grid, "2033-03-08T01:00:00Z");
        long r4 = fileAt("SANITATION", community, grid, "2033-03-08T16:30:00Z");
        step(admin, "/api/v1/admin/reports/" + r4 + "/accept", null, "2033-03-09T01:00:00Z");
        long r5 = fileAt("NOISE", community, grid, "2033-03-09T03:00:00Z");
        step(admin, "/api/v1/admin/reports/" + r5 + "/accept", null, "2033-03-09T03:05:00Z");
        step(admin, "/api/v1/admin/reports/" + r5 + "/resolve", "{\"text\":\"已劝导。\",\"photos\":[]}", "2033-03-09T04:00:00Z");
        rate(r5, false, "2033-03-09T04:30:00Z");
        step(streetAdmin, "/api/v1/admin/reports/" + r5 + "/resolve", "{\"text\":\"街道已协调。\",\"photos\":[]}",
                "2033-03-09T05:00:00Z");
        rate(r5, false, "2033-03-09T05:30:00Z");
        rate(r1, true, "2033-03-09T06:00:00Z");
        rate(r2, true, "2033-03-09T06:10:00Z");
        fileAt("OTHER", c2, gridIn(c2), "2033-03-09T02:00:00Z");
        assertThat(List.of(status(r1), status(r2), status(r3), status(r4), status(r5)))
                .containsExactly("CLOSED", "CLOSED", "SUBMITTED", "ACCEPTED", "CLOSED");
        awaitFolds();
        clock.set(Instant.parse("2033-03-09T12:00:00Z")); // 20:00 China time: r3 is past its time to accept
        jobs.refoldRecentDays();
    }

    @Test
    void aCommunityAdminSeesTheWeeksReportsByStatusCategoryAndDepartment() {
        var reply = stats(admin, "reports?communityId=" + community + "&" + WEEK);

        assertThat(reply).hasStatusOk();
        assertThat(Http.<Integer>read(reply, "$.data.filed")).isEqualTo(5);
        assertThat(Http.<Map<String, Object>>read(reply, "$.data.byStatus")).isEqualTo(Map.of("SUBMITTED", 1,
                "ACCEPTED", 1, "ROUTED", 0, "IN_PROGRESS", 0, "WAITING_REPORTER", 0, "RESOLVED", 0, "CLOSED", 3));
        assertThat(Http.<List<Map<String, Object>>>read(reply, "$.data.byCategory")).hasSize(10)
                .startsWith(Map.of("category", "LIGHTING", "count", 2));
        assertThat(Http.<List<Map<String, Object>>>read(reply, "$.data.byDepartment")).hasSize(1);
        assertThat(Http.<Map<String, Object>>read(reply, "$.data.byDepartment[0]"))
                .containsEntry("departmentId", (int) department).containsEntry("assigned", 1).containsEntry("resolved", 1);
        assertThat(Http.<Integer>read(reply, "$.data.resolved")).isEqualTo(3);
        assertThat(Http.<Double>read(reply, "$.data.resolutionRate")).isEqualTo(0.6);
        assertThat(Http.<Integer>read(reply, "$.data.rated")).isEqualTo(3);
        assertThat(Http.<Integer>read(reply, "$.data.satisfied")).isEqualTo(2);
        assertThat(Http.<Double>read(reply, "$.data.satisfactionRate")).isEqualTo(0.6667);
        assertThat(Http.<Integer>read(reply, "$.data.overdue")).isEqualTo(1); // r3, counted by the safety net
        assertThat(Http.<Integer>read(reply, "$.data.escalated")).isEqualTo(1); // r5, reopened one level up
        assertThat(Http.<Integer>read(reply, "$.data.medianMinutesToResolve")).isEqualTo(120); // 120, 120, 180
        assertThat(Http.<List<Map<String, Object>>>read(reply, "$.data.daily")).hasSize(7)
                .contains(Map.of("date", "2033-03-07", "filed", 2, "resolved", 2),
                        Map.of("date", "2033-03-08", "filed", 1, "resolved", 0),
                        Map.of("date", "2033-03-09", "filed", 2, "resolved", 1));
    }

    @Test
    void theFiguresEqualDirectCountsOverTheReportTable() {
        var reply = stats(streetAdmin, "reports?streetId=" + street + "&" + WEEK);
        String where = " from report where community_id in (?, ?) and created_at >= ? and created_at < ? and status <> 'MERGED'";
        Object[] args = {community, c2, Timestamp.from(Instant.parse("2033-03-06T16:00:00Z")),
                Timestamp.from(Instant.parse("2033-03-13T16:00:00Z"))};

        assertThat(Http.<Integer>read(reply, "$.data.filed")).isEqualTo(6).isEqualTo(jdbc.queryForObject("select count(*)" + where,
                Integer.class, args));
        Map<String, Object> byStatus = Http.read(reply, "$.data.byStatus");
        jdbc.queryForList("select status, count(*) n" + where + " group by status", args)
                .forEach(r -> assertThat(byStatus.get((String) r.get("status"))).isEqualTo(((Number) r.get("n")).intValue()));
        assertThat(Http.<Integer>read(reply, "$.data.resolved")).isEqualTo(jdbc.queryForObject(
                "select count(*)" + where + " and coalesce(resolved_at, closed_at) is not null", Integer.class, args));
        assertThat(Http.<Integer>read(reply, "$.data.satisfied")).isEqualTo(jdbc.queryForObject(
                "select count(*)" + where + " and rated_at is not null and satisfied", Integer.class, args));
        List<Long> toAccept = jdbc.queryForList("select timestampdiff(minute, created_at, coalesce(accepted_at, routed_at,"
                + " summoned_at, resolved_at)) m" + where + " and coalesce(accepted_at, routed_at, summoned_at, resolved_at)"
                + " is not null order by m", Long.class, args);
        assertThat(toAccept).hasSize(4);
        assertThat(Http.<Integer>read(reply, "$.data.medianMinutesToAccept").longValue())
                .isEqualTo(toAccept.get((toAccept.size() + 1) / 2 - 1)); // all below 2 hours but r4's: exact
    }

    @Test
    void aRedeliveredEventChangesNothingAndARebuildWritesTheSameRows() {
        var folded = rows();
        assertThat(folded).isNotEmpty();

        listener.on(new ReportChanged(community, LocalDate.of(2033, 3, 7), LocalDate.of(2033, 3, 9)));
        listener.on(new ReportChanged(community, LocalDate.of(2033, 3, 7), LocalDate.of(2033, 3, 9)));
        assertThat(rows()).isEqualTo(folded);

        jdbc.update("delete from stats_daily where community_id = ? and metric like 'report.%'", community);
        assertThat(mvc.post().uri("/api/v1/admin/stats/rebuild").header("Authorization", users.with(Role.PLATFORM, 0).bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"from\":\"2033-03-07\",\"to\":\"2033-03-09\"}")).hasStatusOk();
        assertThat(rows()).isEqualTo(folded);
    }

    @Test
    void scopesAreCheckedAsForEveryStatistic() {
        assertThat(stats(users.with(Role.DISTRICT_ADMIN, district), "reports?districtId=" + district + "&" + WEEK)).hasStatusOk();
        assertThat(stats(users.with(Role.PLATFORM, 0), "reports?" + WEEK)).hasStatusOk();
        WishStatsTest.assertRefused(stats(admin, "reports?communityId=" + c2), 403, 62001, null);
        WishStatsTest.assertRefused(stats(admin, "reports?streetId=" + street), 403, 62001, null);
        WishStatsTest.assertRefused(stats(admin, "reports"), 403, 62001, null);
        WishStatsTest.assertRefused(stats(streetAdmin, "reports?districtId=" + district), 403, 62001, null);
        WishStatsTest.assertRefused(stats(users.with(Role.PLATFORM, 0), "reports?streetId=999999999"), 400, 62002, "streetId");
        WishStatsTest.assertRefused(stats(admin, "reports?communityId=" + community + "&period=quarter"), 400, 62003, "period");
        assertThat(stats(gridHead, "reports?communityId=" + community)).hasStatus(403);
        assertThat(stats(users.with(Role.DEPARTMENT, department), "reports?communityId=" + community)).hasStatus(403);
    }

    private long fileAt(String category, long communityId, long gridId, String at) {
        clock.set(Instant.parse(at));
        SignedIn who = users.resident();
        var reply = file(who, """
                {"communityId":%d,"gridId":%d,"category":"%s","text":"小区门口的问题，请尽快处理。","photos":[],
                 "lat":43.8378,"lng":126.5496,"address":"3号楼北侧路口"}
                """.formatted(communityId, gridId, category));
        long id = idOf(ok(reply));
        reporters.put(id, who);
        return id;
    }

    private void step(SignedIn who, String uri, String json, String at) {
        clock.set(Instant.parse(at));
        ok(post(who, uri, json));
    }

    private void rate(long id, boolean satisfied, String at) {
        clock.set(Instant.parse(at));
        ok(mvc.post().uri("/api/v1/reports/" + id + "/rate").header("Authorization", reporters.get(id).bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"satisfied\":" + satisfied + ",\"comment\":\"评价\"}").exchange());
    }

    private String photo(SignedIn owner) {
        String url = media.store(owner.id(), TestImages.png(6, 4)).url();
        jdbc.update("update media_image set check_status = 'PASSED' where path = ?",
                url.substring(url.indexOf("/media/") + "/media/".length()));
        return url;
    }

    private void awaitFolds() {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from EVENT_PUBLICATION"
                + " where EVENT_TYPE in ('cn.doorstep.report.ReportChanged', 'cn.doorstep.report.ReportFiled')"
                + " and COMPLETION_DATE is null", Integer.class) == 0);
    }

    private List<Map<String, Object>> rows() {
        return new ArrayList<>(jdbc.queryForList("select metric, day, station_id, dimension, value from stats_daily"
                + " where community_id = ? and metric like 'report.%' order by metric, day, station_id, dimension", community));
    }

    private MvcTestResult stats(SignedIn who, String path) {
        return mvc.get().uri("/api/v1/admin/stats/" + path).header("Authorization", who.bearer()).exchange();
    }

    private static MvcTestResult ok(MvcTestResult reply) {
        if (reply.getResponse().getStatus() != 200) {
            throw new AssertionError("seeding failed: " + reply.getResponse().getStatus() + " " + Http.body(reply));
        }
        return reply;
    }
}
