package cn.doorstep.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.TestServers;
import cn.doorstep.support.TestUsers.SignedIn;
import cn.doorstep.support.WeChatStubs;
import cn.doorstep.wechat.WeChatClient;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Open311 GeoReport v2 (issue 17 §8): public, read-only, the standard's JSON, and no personal data. Reports are
 * filed through the API in 2031, each test in a month of its own (no other test files then, so date filters see only
 * its reports); their later
 * steps (hotline caller, resolution, routing, merge) are SQL updates, as the other report helpers are building
 * those steps in parallel.
 */
@IntegrationTest
class Open311Test extends ReportTestSupport {

    @Autowired
    WeChatClient weChatClient;

    private static final AtomicInteger MONTHS = new AtomicInteger();
    private static final DateTimeFormatter SQL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    final WeChatStubs weChat = WeChatStubs.of(TestServers.get());

    Instant base;

    @BeforeEach
    void setUp() {
        weChat.accessToken();
        weChat.contentCheck("pass");
        for (int i = 0; i < 10 && weChatClient.checkText("o-warm-up", 3, "warm", "up").verdict()
                == WeChatClient.Verdict.UNAVAILABLE; i++) {
            // the first check of a JVM builds WxJava's client: wait until WireMock answers in time
        }
        // a month of its own per test, so date filters see only its reports; sessions live 7 days from their
        // last use on this clock: every step below is within a week of the last
        base = Instant.parse("2031-03-01T00:00:00Z").plus(Duration.ofDays(30L * MONTHS.getAndIncrement()));
        clock.set(base);
        setUpPeople();
    }

    @AfterEach
    void resetClock() {
        clock.set(Instant.now());
        weChat.contentCheck("pass");
    }

    @Test
    void aHotlineReportWithAPhoneInItsTextShowsNoPersonalData() {
        long id = fileAt(reporter, "LIGHTING", "路灯不亮，请回电13812345678或138 1234 5679，住12号楼", at(3, 2));
        // a hotline caller as the grid's hotline filing writes them down (built by the grid helper)
        jdbc.update("update report set channel = 'HOTLINE', caller_name = '王秀英', caller_phone = '13900001111' where id = ?", id);

        var reply = open311("/open311/v2/requests/" + id + ".json");

        assertThat(reply).hasStatusOk();
        Map<String, Object> request = Http.read(reply, "$[0]");
        assertThat(request).containsEntry("service_request_id", Long.toString(id)).containsEntry("status", "open")
                .containsEntry("status_notes", "已提交，等待社区受理").containsEntry("service_code", "LIGHTING")
                .containsEntry("service_name", "路灯照明")
                .containsEntry("description", "路灯不亮，请回电***********或*************，住12号楼")
                .containsEntry("requested_datetime", at(3, 2).toString()).containsEntry("address", null)
                .containsEntry("media_url", null).containsEntry("agency_responsible", null)
                .containsEntry("lat", 43.838).containsEntry("long", 126.55);
        assertThat(request.keySet()).doesNotContain("reporter_id", "reporterId", "caller_name", "caller_phone", "phone");
        String body = Http.body(reply);
        assertThat(body).doesNotContain("王秀英", "13900001111", "13812345678", "3号楼北侧路口", "43.8378", "reporter",
                "caller", "user");
    }

    @Test
    void textWeChatDidNotPassIsLeftOut() {
        weChat.contentCheck("review");
        long id = fileAt(reporter, "NOISE", "楼上每晚装修到十一点", at(4, 2));

        var reply = open311("/open311/v2/requests/" + id + ".json");

        assertThat(Http.<Object>read(reply, "$[0].description")).isNull();
        assertThat(Http.body(reply)).doesNotContain("装修");
    }

    @Nested
    class Filters {

        long lighting;
        long roads;
        long resolved;
        long merged;
        long department;

        @BeforeEach
        void seed() {
            lighting = fileAt(reporter, "LIGHTING", "北门路灯不亮", at(5, 1));
            roads = fileAt(reporter, "ROADS", "北门路面坑洼", at(6, 1));
            resolved = fileAt(reporter, "LIGHTING", "南门路灯闪烁", at(7, 1));
            merged = fileAt(reporter, "LIGHTING", "北门路灯也不亮", at(8, 1));
            department = jdbc.queryForObject("select coalesce(max(id), 0) + 1 from department", Long.class);
            String name = "市政路灯所" + System.nanoTime();
            jdbc.update("""
                    insert into department (id, name, kind, active, created_by, created_at, updated_at)
                    values (?, ?, 'LIGHTING', true, 0, now(3), now(3))
                    """, department, name);
            jdbc.update("""
                    update report set status = 'RESOLVED', accepted_at = ?, resolve_due = ?, resolved_at = ?,
                    resolved_department_id = ?, resolution = '已更换灯泡，联系电话13700002222' where id = ?
                    """, sql(at(7, 2)), sql(at(10, 2)), sql(at(7, 8)), department, resolved);
            jdbc.update("""
                    insert into report_assignment (report_id, department_id, kind, status, assigned_by, assigned_at,
                    created_at, updated_at) values (?, ?, 'ROUTED', 'ASSIGNED', 0, ?, now(3), now(3))
                    """, roads, department, sql(at(6, 2)));
            jdbc.update("update report set status = 'ROUTED', routed_at = ? where id = ?", sql(at(6, 2)), roads);
            jdbc.update("update report set status = 'MERGED', merged_into = ? where id = ?", lighting, merged);
        }

        @Test
        void aDateRangeListsNewestFirstWithoutMergedReports() {
            var reply = open311("/open311/v2/requests.json?" + span());

            assertThat(ids(reply)).containsExactly(resolved, roads, lighting);
            assertThat(Http.<String>read(reply, "$[0].status")).isEqualTo("closed");
            assertThat(Http.<String>read(reply, "$[0].status_notes")).as("a fixed text, never the resolution").isEqualTo("已办结");
            assertThat(Http.<String>read(reply, "$[0].expected_datetime")).isEqualTo(at(10, 2).toString());
            assertThat(Http.body(reply)).doesNotContain("13700002222", "已更换灯泡");
            assertThat(Http.<String>read(reply, "$[1].agency_responsible")).startsWith("市政路灯所");
            assertThat(Http.<String>read(reply, "$[1].status_notes")).isEqualTo("已转交职能部门");
        }

        @Test
        void anOffsetInTheDatesIsHonoured() {
            // day 6 09:00+08:00 is 01:00Z: the roads report, filed then, is the first one in; the resolved one,
            // filed on day 7 at 01:00Z, is just out
            var reply = open311("/open311/v2/requests.json?start_date=" + china(at(6, 1)) + "&end_date="
                    + china(at(7, 1).minusSeconds(1)));

            assertThat(ids(reply)).containsExactly(roads);
        }

        @Test
        void serviceCodeAndStatusFilter() {
            String span = span();

            assertThat(ids(open311("/open311/v2/requests.json?service_code=ROADS&" + span))).containsExactly(roads);
            assertThat(ids(open311("/open311/v2/requests.json?service_code=ROADS,LIGHTING&" + span)))
                    .containsExactly(resolved, roads, lighting);
            assertThat(ids(open311("/open311/v2/requests.json?status=closed&" + span))).containsExactly(resolved);
            assertThat(ids(open311("/open311/v2/requests.json?status=open&" + span))).containsExactly(roads, lighting);
        }

        @Test
        void idsOverrideTheOtherFiltersAndMergedOnesAreLeftOut() {
            var reply = open311("/open311/v2/requests.json?status=closed&service_request_id=" + lighting + "," + merged
                    + "," + roads);

            assertThat(ids(reply)).containsExactly(roads, lighting);
        }

        @Test
        void aMergedReportIsNotFoundInOpen311sShape() {
            var reply = open311("/open311/v2/requests/" + merged + ".json");

            assertThat(reply).hasStatus(404);
            assertThat(Http.<Integer>read(reply, "$[0].code")).isEqualTo(404);
            assertThat(Http.<String>read(reply, "$[0].description")).isNotBlank();
        }
    }

    @Nested
    class Refused {

        @Test
        void anUnknownIdIsNotFoundInOpen311sShape() {
            var reply = open311("/open311/v2/requests/999999999.json");

            assertThat(reply).hasStatus(404);
            assertThat(Http.<List<Integer>>read(reply, "$[*].code")).containsExactly(404);
        }

        @Test
        void malformedFiltersAreBadRequestsInOpen311sShape() {
            for (String query : List.of("start_date=2031-01-01T00:00:00Z&end_date=2031-04-02T00:00:00Z", "status=pending",
                    "start_date=yesterday", "service_code=POTHOLES", "service_request_id=1,x")) {
                var reply = open311("/open311/v2/requests.json?" + query);

                assertThat(reply).as(query).hasStatus(400);
                assertThat(Http.<Integer>read(reply, "$[0].code")).as(query).isEqualTo(400);
            }
            assertThat(open311("/open311/v2/requests/abc.json")).hasStatus(400);
        }

        @Test
        void eachClientAddressIsLimited() {
            for (int i = 0; i < 60; i++) {
                assertThat(fromAddress("/open311/v2/services.json", "203.0.113.7")).hasStatusOk();
            }

            var refused = fromAddress("/open311/v2/services.json", "203.0.113.7");

            assertThat(refused).hasStatus(429);
            assertThat(Http.<Integer>read(refused, "$[0].code")).isEqualTo(429);
            assertThat(refused.getResponse().getHeader("Retry-After")).isNotBlank();
            assertThat(fromAddress("/open311/v2/services.json", "203.0.113.8")).as("another address").hasStatusOk();
        }
    }

    @Test
    void servicesAreTheCategoriesAndDiscoveryNamesTheEndpoint() {
        var services = open311("/open311/v2/services.json");

        assertThat(Http.<List<String>>read(services, "$[*].service_code")).containsExactly("LIGHTING", "ROADS",
                "SANITATION", "FIRE_LANES", "HEATING", "WATER", "PROPERTY", "NOISE", "SAFETY", "OTHER");
        assertThat(Http.<Map<String, Object>>read(services, "$[0]")).containsEntry("service_name", "路灯照明")
                .containsEntry("type", "realtime").containsEntry("metadata", false).containsKeys("keywords", "group");
        var discovery = open311("/open311/v2/discovery.json");
        assertThat(Http.<String>read(discovery, "$.endpoints[0].url")).endsWith("/open311/v2");
        assertThat(Http.<String>read(discovery, "$.endpoints[0].specification")).isEqualTo("http://wiki.open311.org/GeoReport_v2");
    }

    /** Day {@code day} (1 = the test's base) at {@code hour}:00 UTC. */
    private Instant at(int day, int hour) {
        return base.plus(Duration.ofDays(day - 1L)).plus(Duration.ofHours(hour));
    }

    /** The test's month: its day 1 to day 29. */
    private String span() {
        return "start_date=" + at(1, 0) + "&end_date=" + at(29, 0);
    }

    /** As stored: UTC without an offset. */
    private static String sql(Instant at) {
        return SQL.format(at);
    }

    /** As a client in China might send it, with +08:00 (unencoded: the server reads a space there as the plus). */
    private static String china(Instant at) {
        return at.atOffset(ZoneOffset.ofHours(8)).toLocalDateTime() + "+08:00";
    }

    /** Without a token, as a civic tool calls it. */
    private MvcTestResult open311(String uri) {
        return mvc.get().uri(uri).exchange();
    }

    private MvcTestResult fromAddress(String uri, String address) {
        return mvc.get().uri(uri).with(request -> {
            request.setRemoteAddr(address);
            return request;
        }).exchange();
    }

    private static List<Long> ids(MvcTestResult reply) {
        assertThat(reply).hasStatusOk();
        return Http.<List<String>>read(reply, "$[*].service_request_id").stream().map(Long::parseLong).toList();
    }

    private long fileAt(SignedIn who, String category, String text, Instant at) {
        clock.set(at);
        var reply = file(who, reportJson(category, text));
        assertThat(reply).hasStatusOk();
        return idOf(reply);
    }
}
