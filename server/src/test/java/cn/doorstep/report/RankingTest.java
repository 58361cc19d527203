package cn.doorstep.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.common.Role;
import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.TestServers;
import cn.doorstep.support.TestUsers.SignedIn;
import cn.doorstep.support.WeChatStubs;
import cn.doorstep.support.Workbooks;
import cn.doorstep.wechat.WeChatClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Weekly rankings (issue 17 §6) of 2026-W49: Monday 2026-11-30 to Sunday 2026-12-06 China time, that is
 * [2026-11-29T16:00Z, 2026-12-06T16:00Z). Reports are filed through the API at pinned clock times; their later
 * steps (accept, route, resolve, rate, merge) are written with SQL updates at pinned times, because the other
 * report helpers are building those steps in parallel: the rankings read only the columns the steps set.
 */
@IntegrationTest
class RankingTest extends ReportTestSupport {

    private static final String W49 = "2026-W49";

    @Autowired
    WeChatClient weChatClient;

    final WeChatStubs weChat = WeChatStubs.of(TestServers.get());

    long district;
    long street1;
    long street2;
    long c1;
    long c2;
    long c3;
    long c4;
    long deptA;
    long deptB;
    long deptC;
    Map<String, Long> r;

    @BeforeEach
    void setUp() {
        weChat.accessToken();
        weChat.contentCheck("pass");
        for (int i = 0; i < 10 && weChatClient.checkText("o-warm-up", 3, "warm", "up").verdict()
                == WeChatClient.Verdict.UNAVAILABLE; i++) {
            // the first check of a JVM builds WxJava's client: wait until WireMock answers in time
        }
        setUpPeople();
        district = chain.district();
        street1 = chain.street();
        street2 = regions.streetIn(district);
        c1 = community;
        c2 = regions.communityIn(street1);
        c3 = regions.communityIn(street2);
        c4 = regions.communityIn(street1);
        seedTheWeek();
    }

    @AfterEach
    void resetClock() {
        clock.set(Instant.now());
    }

    /**
     * C1: r1 accepted in 1 h, resolved in 24 h, satisfied; r2 accepted in 3 h, resolved in 48 h (by department B,
     * routed to it after 3 h, accepted 2 h later), not satisfied; r3 accepted in 2 h, routed to department A,
     * overdue at the week's end. C2: r4 accepted in 0.5 h, resolved in 12 h and closed, satisfied; r5 accepted in
     * 1.5 h, resolved only after the week (overdue at its end); r6 filed the week before and never accepted
     * (overdue); r7 merged into r4 (left out). C3 (the other street): r8 accepted in 4 h, resolved in 10 h. C4:
     * nothing. r9 in C1 is filed after the week.
     */
    private void seedTheWeek() {
        SignedIn in1 = users.resident();
        SignedIn in2 = users.resident();
        SignedIn in3 = users.resident();
        r = new HashMap<>();
        r.put("r1", fileAt(in1, c1, "2026-11-30T01:00:00Z"));
        r.put("r2", fileAt(in1, c1, "2026-11-30T03:00:00Z"));
        r.put("r3", fileAt(in1, c1, "2026-12-01T00:00:00Z"));
        r.put("r4", fileAt(in2, c2, "2026-12-02T00:00:00Z"));
        r.put("r5", fileAt(in2, c2, "2026-12-03T00:00:00Z"));
        r.put("r6", fileAt(in2, c2, "2026-11-25T00:00:00Z"));
        r.put("r7", fileAt(in2, c2, "2026-12-02T01:00:00Z"));
        r.put("r8", fileAt(in3, c3, "2026-12-01T00:00:00Z"));
        r.put("r9", fileAt(in1, c1, "2026-12-07T01:00:00Z"));

        step("r1", "CLOSED", "2026-11-30 02:00:00", "2026-12-01 01:00:00", "2026-12-03 02:00:00", true, "2026-12-02 00:00:00");
        step("r2", "CLOSED", "2026-11-30 06:00:00", "2026-12-02 03:00:00", "2026-12-03 06:00:00", false, "2026-12-03 00:00:00");
        step("r3", "IN_PROGRESS", "2026-12-01 02:00:00", null, "2026-12-04 02:00:00", null, null);
        step("r4", "CLOSED", "2026-12-02 00:30:00", "2026-12-02 12:00:00", "2026-12-05 00:30:00", true, "2026-12-02 13:00:00");
        jdbc.update("update report set closed_at = '2026-12-02 13:00:00' where id = ?", r.get("r4"));
        step("r5", "RESOLVED", "2026-12-03 01:30:00", "2026-12-07 00:00:00", "2026-12-05 00:00:00", null, null);
        jdbc.update("update report set status = 'MERGED', merged_into = ? where id = ?", r.get("r4"), r.get("r7"));
        step("r8", "RESOLVED", "2026-12-01 04:00:00", "2026-12-01 10:00:00", "2026-12-04 04:00:00", null, null);

        deptA = department("A", street1);
        deptB = department("B", street1);
        deptC = department("C", street2);
        assign(r.get("r3"), deptA, "2026-12-01 02:00:00", "2026-12-01 03:00:00", "2026-12-03 02:00:00", null);
        assign(r.get("r2"), deptB, "2026-11-30 06:00:00", "2026-11-30 08:00:00", "2026-12-03 06:00:00", "2026-12-02 03:00:00");
        jdbc.update("update report set routed_at = '2026-12-01 02:00:00' where id = ?", r.get("r3"));
        jdbc.update("update report set resolved_department_id = ? where id = ?", deptB, r.get("r2"));
        assign(r.get("r8"), deptC, "2026-12-01 04:00:00", "2026-12-01 05:00:00", "2026-12-04 04:00:00", "2026-12-01 10:00:00");
    }

    @Test
    void aStreetAdminRanksTheStreetsCommunitiesBy办结率ThenTimeToAccept() {
        SignedIn streetAdmin = users.with(Role.STREET_ADMIN, street1);

        var reply = ranking(streetAdmin, "COMMUNITY", "streetId=" + street1);

        assertThat(reply).hasStatusOk();
        assertThat(Http.<String>read(reply, "$.data.title")).isEqualTo("第49周社区诉求办理情况通报");
        assertThat(Http.<String>read(reply, "$.data.from")).isEqualTo("2026-11-29T16:00:00Z");
        assertThat(Http.<String>read(reply, "$.data.until")).isEqualTo("2026-12-06T16:00:00Z");
        assertThat(ids(reply)).containsExactly(c1, c2, c4);
        assertThat(row(reply, 0)).containsEntry("rank", 1).containsEntry("filed", 3).containsEntry("resolved", 2)
                .containsEntry("resolutionRate", 0.6667).containsEntry("meanHoursToAccept", 2.0)
                .containsEntry("meanHoursToResolve", 36.0).containsEntry("rated", 2).containsEntry("satisfied", 1)
                .containsEntry("satisfaction", 0.5).containsEntry("overdue", 1);
        assertThat(row(reply, 1)).containsEntry("rank", 2).containsEntry("filed", 2).containsEntry("resolved", 1)
                .containsEntry("resolutionRate", 0.5).containsEntry("meanHoursToAccept", 1.0)
                .containsEntry("meanHoursToResolve", 12.0).containsEntry("rated", 1).containsEntry("satisfied", 1)
                .containsEntry("satisfaction", 1.0).containsEntry("overdue", 2);
        assertThat(row(reply, 2)).containsEntry("rank", null).containsEntry("filed", 0).containsEntry("resolutionRate", null)
                .containsEntry("meanHoursToAccept", null).containsEntry("satisfaction", null).containsEntry("overdue", 0);
    }

    @Test
    void aDistrictAdminRanksTheDistrictsStreets() {
        SignedIn districtAdmin = users.with(Role.DISTRICT_ADMIN, district);

        var reply = ranking(districtAdmin, "STREET", "districtId=" + district);

        assertThat(ids(reply)).containsExactly(street2, street1);
        assertThat(Http.<String>read(reply, "$.data.title")).isEqualTo("第49周街道诉求办理情况通报");
        assertThat(row(reply, 0)).containsEntry("rank", 1).containsEntry("filed", 1).containsEntry("resolved", 1)
                .containsEntry("resolutionRate", 1.0).containsEntry("meanHoursToAccept", 4.0)
                .containsEntry("meanHoursToResolve", 10.0).containsEntry("rated", 0).containsEntry("satisfaction", null)
                .containsEntry("overdue", 0);
        assertThat(row(reply, 1)).containsEntry("rank", 2).containsEntry("filed", 5).containsEntry("resolved", 3)
                .containsEntry("resolutionRate", 0.6).containsEntry("meanHoursToAccept", 1.6)
                .containsEntry("meanHoursToResolve", 28.0).containsEntry("rated", 3).containsEntry("satisfied", 2)
                .containsEntry("satisfaction", 0.6667).containsEntry("overdue", 3);
    }

    @Test
    void aDistrictAdminRanksAllTheDistrictsCommunities() {
        var reply = ranking(users.with(Role.DISTRICT_ADMIN, district), "COMMUNITY", "districtId=" + district);

        assertThat(ids(reply)).containsExactly(c3, c1, c2, c4);
        assertThat(Http.<List<Integer>>read(reply, "$.data.rows[*].rank")).containsExactly(1, 2, 3, null);
    }

    @Test
    void departmentsServingTheStreetAreRankedPerAssignment() {
        var reply = ranking(users.with(Role.STREET_ADMIN, street1), "DEPARTMENT", "streetId=" + street1);

        assertThat(ids(reply)).as("C serves only the other street").containsExactly(deptB, deptA);
        assertThat(Http.<String>read(reply, "$.data.title")).isEqualTo("第49周部门诉求办理情况通报");
        assertThat(row(reply, 0)).containsEntry("rank", 1).containsEntry("filed", 1).containsEntry("resolved", 1)
                .containsEntry("resolutionRate", 1.0).containsEntry("meanHoursToAccept", 2.0)
                .containsEntry("meanHoursToResolve", 45.0).containsEntry("rated", 1).containsEntry("satisfied", 0)
                .containsEntry("satisfaction", 0.0).containsEntry("overdue", 0);
        assertThat(row(reply, 1)).containsEntry("rank", 2).containsEntry("filed", 1).containsEntry("resolved", 0)
                .containsEntry("resolutionRate", 0.0).containsEntry("meanHoursToAccept", 1.0)
                .containsEntry("meanHoursToResolve", null).containsEntry("overdue", 1);
    }

    @Test
    void withoutAWeekItIsTheLastWholeWeek() {
        clock.set(Instant.parse("2026-12-09T02:00:00Z"));

        var reply = get(users.with(Role.STREET_ADMIN, street1), "/api/v1/admin/reports/rankings?level=COMMUNITY&streetId="
                + street1);

        assertThat(Http.<String>read(reply, "$.data.week")).isEqualTo(W49);
        assertThat(ids(reply)).startsWith(c1, c2);
    }

    @Test
    void theExportIsThe通报WithTheSameRows() {
        var reply = get(users.with(Role.DISTRICT_ADMIN, district), "/api/v1/admin/reports/rankings/export?level=COMMUNITY&week="
                + W49 + "&streetId=" + street1);

        List<List<String>> rows = Workbooks.rows(reply);
        assertThat(reply.getResponse().getHeader("Content-Disposition"))
                .contains(URLEncoder.encode("第49周社区诉求办理情况通报.xlsx", StandardCharsets.UTF_8));
        assertThat(rows.get(0)).containsExactly("排名", "编号", "名称", "受理数", "办结数", "办结率", "平均受理时长(小时)",
                "平均办结时长(小时)", "评价数", "满意数", "满意率", "超期未办结");
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1)).containsExactly("1", Long.toString(c1), name(c1), "3", "2", "66.67%", "2", "36", "2", "1",
                "50.00%", "1");
        assertThat(rows.get(2)).containsExactly("2", Long.toString(c2), name(c2), "2", "1", "50.00%", "1", "12", "1", "1",
                "100.00%", "2");
        assertThat(rows.get(3)).containsExactly("", Long.toString(c4), name(c4), "0", "0", "", "", "", "0", "0", "", "0");
    }

    @Nested
    class Scopes {

        @Test
        void aStreetAdminSeesOnlyTheirStreet() {
            SignedIn streetAdmin = users.with(Role.STREET_ADMIN, street1);

            assertRefused(ranking(streetAdmin, "COMMUNITY", "streetId=" + street2), 403, 60060);
            assertRefused(ranking(streetAdmin, "COMMUNITY", "districtId=" + district), 403, 60060);
            assertRefused(ranking(streetAdmin, "STREET", "districtId=" + district), 403, 60060);
        }

        @Test
        void aDistrictAdminSeesTheirDistrictsStreetsButNotAnotherDistrict() {
            SignedIn districtAdmin = users.with(Role.DISTRICT_ADMIN, district);

            assertThat(ranking(districtAdmin, "COMMUNITY", "streetId=" + street2)).hasStatusOk();
            assertThat(ranking(districtAdmin, "DEPARTMENT", "districtId=" + district)).hasStatusOk();
            assertRefused(ranking(districtAdmin, "COMMUNITY", "districtId=" + regions.chain().district()), 403, 60060);
        }

        @Test
        void aCommunityAdminIsRefusedAndAResidentIsNotLetIn() {
            assertRefused(ranking(admin, "COMMUNITY", "streetId=" + street1), 403, 60060);
            assertRefused(ranking(reporter, "COMMUNITY", "streetId=" + street1), 403, 10300);
        }

        @Test
        void thePlatformSeesAnyScope() {
            var reply = ranking(users.with(Role.PLATFORM), "DEPARTMENT", "districtId=" + district);

            assertThat(ids(reply)).containsExactlyInAnyOrder(deptA, deptB, deptC);
        }

        @Test
        void oneScopeMustBeNamedAndTheWeekWellFormed() {
            SignedIn platform = users.with(Role.PLATFORM);

            assertRefused(ranking(platform, "COMMUNITY", "streetId=" + street1 + "&districtId=" + district), 400, 60061);
            assertRefused(get(platform, "/api/v1/admin/reports/rankings?level=COMMUNITY&week=" + W49), 400, 60061);
            assertRefused(ranking(platform, "STREET", "streetId=" + street1), 400, 60061);
            assertRefused(ranking(platform, "COMMUNITY", "streetId=999999999"), 400, 60061);
            assertRefused(get(platform, "/api/v1/admin/reports/rankings?level=COMMUNITY&week=2026-W54&streetId=" + street1),
                    400, 10000);
            assertRefused(get(platform, "/api/v1/admin/reports/rankings?level=TOWN&streetId=" + street1), 400, 10000);
        }
    }

    private MvcTestResult ranking(SignedIn who, String level, String scope) {
        return get(who, "/api/v1/admin/reports/rankings?level=" + level + "&week=" + W49 + "&" + scope);
    }

    private static void assertRefused(MvcTestResult reply, int status, int code) {
        assertThat(reply).hasStatus(status);
        assertThat(Http.<Integer>read(reply, "$.code")).isEqualTo(code);
    }

    private static List<Long> ids(MvcTestResult reply) {
        return Http.<List<Number>>read(reply, "$.data.rows[*].id").stream().map(Number::longValue).toList();
    }

    private static Map<String, Object> row(MvcTestResult reply, int i) {
        return Http.read(reply, "$.data.rows[" + i + "]");
    }

    private String name(long communityId) {
        return jdbc.queryForObject("select name from community where id = ?", String.class, communityId);
    }

    private long fileAt(SignedIn who, long communityId, String at) {
        clock.set(Instant.parse(at));
        var reply = file(who, """
                {"communityId":%d,"category":"LIGHTING","text":"路灯不亮，晚上很黑。","photos":[],
                 "lat":43.8378,"lng":126.5496}
                """.formatted(communityId));
        assertThat(reply).hasStatusOk();
        return idOf(reply);
    }

    /** What the grid's and the reporter's steps would leave: times in UTC as stored. */
    private void step(String report, String status, String acceptedAt, String resolvedAt, String resolveDue,
                      Boolean satisfied, String ratedAt) {
        jdbc.update("""
                update report set status = ?, accepted_at = ?, resolved_at = ?, resolve_due = ?, satisfied = ?, rated_at = ?,
                version = version + 1 where id = ?
                """, status, acceptedAt, resolvedAt, resolveDue, satisfied, ratedAt, r.get(report));
    }

    private long department(String name, long street) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("""
                    insert into department (name, kind, active, created_by, created_at, updated_at)
                    values (?, 'PROPERTY', true, 0, now(3), now(3))
                    """, Statement.RETURN_GENERATED_KEYS);
            ps.setString(1, "部门" + name + System.nanoTime());
            return ps;
        }, keys);
        long id = keys.getKey().longValue();
        jdbc.update("insert into department_street (department_id, street_id) values (?, ?)", id, street);
        return id;
    }

    private void assign(long report, long department, String assignedAt, String acceptedAt, String resolveDue,
                        String resolvedAt) {
        jdbc.update("""
                insert into report_assignment (report_id, department_id, kind, status, assigned_by, assigned_at, accepted_at,
                resolve_due, resolved_at, created_at, updated_at)
                values (?, ?, 'ROUTED', ?, 0, ?, ?, ?, ?, now(3), now(3))
                """, report, department, resolvedAt == null ? "ACCEPTED" : "RESOLVED", assignedAt, acceptedAt, resolveDue,
                resolvedAt);
    }
}
