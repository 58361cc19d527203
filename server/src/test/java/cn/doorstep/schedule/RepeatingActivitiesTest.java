package cn.doorstep.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.booking.BookingTestSupport;
import cn.doorstep.common.Role;
import cn.doorstep.schedule.activity.ActivityRules;
import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.Parallel;
import cn.doorstep.support.TestUsers.SignedIn;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Repeating activities (the monthly 义剪): a rule makes its occurrences for its horizon, at once and
 * then as the clock moves on, exactly once each however often or on however many instances it runs.
 * The clock starts on Wednesday 2026-12-02, 08:00 China time.
 */
@IntegrationTest
class RepeatingActivitiesTest extends BookingTestSupport {

    @Autowired
    ActivityRules rules;

    @BeforeEach
    void setUp() {
        setUpStation();
    }

    @Test
    void aMonthlyRuleOnTheSecondSaturdayMakesItsOccurrencesForTheHorizonAndMoreAsTheClockMovesOn() {
        MvcTestResult created = create(staff, "/api/v1/staff/stations/" + station + "/activity-rules",
                rule("MONTHLY", 6, 2, "09:00", "11:00", 60, null, null));
        assertThat(created).hasStatusOk();
        long rule = id(created);
        assertThat(Http.<String>read(created, "$.data.status")).isEqualTo("ACTIVE");

        assertThat(startsOf(rule)).as("Sat 12 Dec and Sat 9 Jan, 09:00 China")
                .containsExactly("2026-12-12T01:00:00Z", "2027-01-09T01:00:00Z");
        MvcTestResult listed = mvc.get().uri("/api/v1/stations/" + station + "/activities").exchange();
        assertThat(Http.<List<Integer>>read(listed, "$.data.items[?(@.ruleId == " + rule + ")].capacity"))
                .containsExactly(12, 12);
        assertThat(Http.<List<String>>read(listed, "$.data.items[?(@.ruleId == " + rule + ")].kind"))
                .containsOnly("HAIRCUT");
        assertThat(jdbc.queryForObject("select count(*) from booking_slot s join booking_activity a on a.id = s.activity_id"
                + " where a.rule_id = ? and s.capacity = 12 and s.status = 'OPEN'", Integer.class, rule)).isEqualTo(2);
        assertThat(auditActions(staff)).contains("booking.activity-rule.create");

        rules.generateAll();
        assertThat(startsOf(rule)).as("a second run makes nothing").hasSize(2);

        clock.set(Instant.parse("2027-01-10T00:00:00Z"));
        rules.generateAll();
        assertThat(startsOf(rule)).as("the horizon moved to 11 March: Sat 13 Feb")
                .containsExactly("2026-12-12T01:00:00Z", "2027-01-09T01:00:00Z", "2027-02-13T01:00:00Z");
    }

    @Test
    void aWeeklyRuleStopsAtItsLastDateAndAMonthlyOneOnTheLastSundayFindsIt() {
        long weekly = id(create(admin, "/api/v1/admin/stations/" + station + "/activity-rules",
                rule("WEEKLY", 3, null, "19:00", "20:30", 35, null, "2026-12-23")));
        long lastSunday = id(create(admin, "/api/v1/admin/stations/" + station + "/activity-rules",
                rule("MONTHLY", 7, -1, "15:00", "16:00", 60, null, null)));

        assertThat(startsOf(weekly)).as("Wednesdays 19:00 China, today's included")
                .containsExactly("2026-12-02T11:00:00Z", "2026-12-09T11:00:00Z", "2026-12-16T11:00:00Z",
                        "2026-12-23T11:00:00Z");
        assertThat(startsOf(lastSunday)).containsExactly("2026-12-27T07:00:00Z", "2027-01-31T07:00:00Z");
    }

    @Test
    void aDayTheStationIsClosedGetsNoOccurrenceAndAnOccurrenceIsBookedLikeAnyActivity() {
        assertThat(mvc.put().uri("/api/v1/admin/stations/" + station + "/hours/exceptions/2026-12-12")
                .header("Authorization", admin.bearer()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"closed\":true,\"note\":\"盘点\"}")).hasStatusOk();

        long rule = id(create(staff, "/api/v1/staff/stations/" + station + "/activity-rules",
                rule("MONTHLY", 6, 2, "09:00", "11:00", 60, null, null)));

        assertThat(startsOf(rule)).containsExactly("2027-01-09T01:00:00Z");
        long occurrence = jdbc.queryForObject("select id from booking_activity where rule_id = ?", Long.class, rule);
        assertThat(book(users.resident(), "{\"activityId\":" + occurrence + "}", key())).hasStatusOk();
        assertThat(jdbc.queryForObject("select booked from booking_slot where activity_id = ?", Integer.class,
                occurrence)).isEqualTo(1);
    }

    @Test
    void tenRunsAtOnceMakeEachOccurrenceExactlyOnce() {
        // first date beyond the horizon: nothing is made until the clock moves on
        long rule = id(create(staff, "/api/v1/staff/stations/" + station + "/activity-rules",
                rule("WEEKLY", 3, null, "09:00", "10:00", 35, "2027-02-01", null)));
        assertThat(startsOf(rule)).isEmpty();
        clock.set(Instant.parse("2027-01-20T00:00:00Z")); // the horizon reaches 24 February

        List<Integer> made = Parallel.run(10, 10, i -> rules.generate(rule));

        assertThat(made.stream().mapToInt(Integer::intValue).sum()).as("made: %s", made).isEqualTo(4);
        assertThat(startsOf(rule)).containsExactly("2027-02-03T01:00:00Z", "2027-02-10T01:00:00Z",
                "2027-02-17T01:00:00Z", "2027-02-24T01:00:00Z");
        assertThat(jdbc.queryForObject("select count(*) from booking_slot s join booking_activity a on a.id = s.activity_id"
                + " where a.rule_id = ?", Integer.class, rule)).as("one slot each").isEqualTo(4);
    }

    @Test
    void aStationsRulesAreReadByAnyone() {
        long rule = id(create(staff, "/api/v1/staff/stations/" + station + "/activity-rules",
                rule("MONTHLY", 6, 2, "09:00", "11:00", 60, null, null)));

        MvcTestResult listed = mvc.get().uri("/api/v1/stations/" + station + "/activity-rules").exchange();

        assertThat(Http.<List<Integer>>read(listed, "$.data.items[*].id")).containsExactly((int) rule);
        assertThat(Http.<List<Integer>>read(listed, "$.data.items[*].weekOfMonth")).containsExactly(2);
        assertThat(Http.<List<String>>read(listed, "$.data.items[*].startsAt")).containsExactly("09:00");
        assertThat(Http.<List<String>>read(listed, "$.data.items[*].firstDate")).containsExactly("2026-12-02");
    }

    @Nested
    class Ending {

        @Test
        void anEndedRuleMakesNoMoreOccurrencesAndKeepsThoseMadeOnceOnly() {
            long rule = id(create(staff, "/api/v1/staff/stations/" + station + "/activity-rules",
                    rule("MONTHLY", 6, 2, "09:00", "11:00", 60, null, null)));

            assertThat(end(users.with(Role.STAFF, station + 100_000), rule)).as("another station's staff")
                    .hasStatus(403).bodyJson().extractingPath("$.code").isEqualTo(50024);
            assertThat(end(admin, rule)).hasStatusOk().bodyJson().extractingPath("$.data.status").isEqualTo("ENDED");
            assertThat(end(staff, rule)).hasStatus(409).bodyJson().extractingPath("$.code").isEqualTo(51002);
            assertThat(end(staff, 999_999_999L)).hasStatus(404).bodyJson().extractingPath("$.code").isEqualTo(51001);

            clock.set(Instant.parse("2027-01-10T00:00:00Z"));
            rules.generateAll();
            assertThat(startsOf(rule)).as("made ones stay, no new one").hasSize(2);
            assertThat(jdbc.queryForObject("select status from booking_activity_rule where id = ?", String.class, rule))
                    .isEqualTo("ENDED");
            assertThat(auditActions(admin)).contains("booking.activity-rule.end");
            assertThat(Http.<Integer>read(mvc.get().uri("/api/v1/stations/" + station + "/activity-rules").exchange(),
                    "$.data.total")).isZero();
        }
    }

    @Nested
    class Refused {

        @Test
        void aMonthlyRuleWithoutItsWeekOrWithEqualTimesOrALastDateBeforeTheFirstIsRefusedNamingTheField() {
            assertRefused(rule("MONTHLY", 6, null, "09:00", "11:00", 60, null, null), "weekOfMonth");
            assertRefused(rule("WEEKLY", 6, null, "09:00", "09:00", 60, null, null), "endsAt");
            assertRefused(rule("WEEKLY", 6, null, "09:00", "10:00", 60, "2027-01-10", "2027-01-01"), "lastDate");
            assertThat(jdbc.queryForObject("select count(*) from booking_activity_rule where station_id = ?",
                    Integer.class, station)).as("nothing saved").isZero();
        }

        @Test
        void someoneWhoIsNeitherStaffNorAdminThereIsRefused() {
            MvcTestResult refused = create(users.with(Role.STAFF, station + 100_000),
                    "/api/v1/staff/stations/" + station + "/activity-rules",
                    rule("WEEKLY", 6, null, "09:00", "10:00", 35, null, null));
            assertThat(refused).hasStatus(403).bodyJson().extractingPath("$.code").isEqualTo(50024);
            assertThat(jdbc.queryForObject("select count(*) from booking_activity_rule where station_id = ?",
                    Integer.class, station)).isZero();
        }

        private void assertRefused(String body, String field) {
            MvcTestResult refused = create(staff, "/api/v1/staff/stations/" + station + "/activity-rules", body);
            assertThat(refused).as(body).hasStatus(400);
            assertThat(Http.<Integer>read(refused, "$.code")).isEqualTo(50022);
            assertThat(Http.<String>read(refused, "$.data.errors[0].field")).isEqualTo(field);
        }
    }

    private static String rule(String frequency, int dayOfWeek, Integer weekOfMonth, String startsAt, String endsAt,
                               int horizonDays, String firstDate, String lastDate) {
        return """
                {"title":"社区义剪","kind":"HAIRCUT","place":"服务站一楼","frequency":"%s","dayOfWeek":%d,
                 "weekOfMonth":%s,"startsAt":"%s","endsAt":"%s","horizonDays":%d,"firstDate":%s,"lastDate":%s,
                 "capacity":12,"points":5}
                """.formatted(frequency, dayOfWeek, weekOfMonth, startsAt, endsAt, horizonDays,
                firstDate == null ? "null" : "\"" + firstDate + "\"", lastDate == null ? "null" : "\"" + lastDate + "\"");
    }

    private MvcTestResult create(SignedIn who, String uri, String body) {
        return mvc.post().uri(uri).header("Authorization", who.bearer()).contentType(MediaType.APPLICATION_JSON)
                .content(body).exchange();
    }

    private MvcTestResult end(SignedIn who, long rule) {
        String path = who == admin ? "/api/v1/admin/activity-rules/" : "/api/v1/staff/activity-rules/";
        return mvc.post().uri(path + rule + "/end").header("Authorization", who.bearer()).exchange();
    }

    /** The starts of the rule's occurrences, as saved, soonest first. */
    private List<String> startsOf(long rule) {
        return jdbc.queryForList("select date_format(starts_at, '%Y-%m-%dT%H:%i:%sZ') from booking_activity"
                + " where rule_id = ? order by starts_at", String.class, rule);
    }

    private List<String> auditActions(SignedIn actor) {
        return jdbc.queryForList("select action from audit_log where actor_id = ?", String.class, actor.id());
    }
}
