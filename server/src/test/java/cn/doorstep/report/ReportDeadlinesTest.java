package cn.doorstep.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.common.Role;
import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.TestUsers.SignedIn;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * Deadlines per category: wall-clock minutes to accept, working days on the holiday calendar to resolve
 * (2026's 国庆 and its 调休 Saturday, as the State Council set them and the calendar holds them).
 */
@IntegrationTest
class ReportDeadlinesTest extends ReportTestSupport {

    @Autowired
    ReportDeadlines deadlines;

    SignedIn platform;

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-09-28T02:00:00Z"));
        setUpPeople();
        platform = users.with(Role.PLATFORM);
        // 2026's National Day through the calendar's API, as entered in V2 (so nothing else changes)
        for (int day = 1; day <= 7; day++) {
            setDay("2026-10-0" + day, "HOLIDAY", "国庆节");
        }
        setDay("2026-10-10", "WORKDAY", "国庆节调休");
    }

    @AfterEach
    void tearDown() {
        jdbc.update("delete from report_category_rule where category = 'NOISE'");
        clock.set(Instant.now());
    }

    @Test
    void resolvingCountsWorkingDaysSkippingNationalDayAndCountingItsMakeUpSaturday() {
        // accepted Wednesday 09-30 15:00 China: 10-01..07 off, 10-08 (Thu) 1, 10-09 (Fri) 2, Saturday 10-10 (调休) 3
        clock.set(Instant.parse("2026-09-30T07:00:00Z"));

        assertThat(deadlines.resolveDue(ReportCategory.LIGHTING, clock.instant()))
                .isEqualTo(Instant.parse("2026-10-10T07:00:00Z"));
    }

    @Test
    void acceptedDuringTheHolidayTheCountStartsAfterIt() {
        clock.set(Instant.parse("2026-10-03T02:00:00Z")); // Saturday 10:00 China, a holiday

        assertThat(deadlines.resolveDue(ReportCategory.ROADS, clock.instant()))
                .isEqualTo(Instant.parse("2026-10-10T02:00:00Z"));
    }

    @Test
    void theMakeUpSaturdayCountsAndTheSundayAfterItDoesNot() {
        clock.set(Instant.parse("2026-10-09T01:00:00Z")); // Friday 09:00 China: Sat 10-10 1, Mon 10-12 2, Tue 10-13 3

        assertThat(deadlines.resolveDue(ReportCategory.WATER, clock.instant()))
                .isEqualTo(Instant.parse("2026-10-13T01:00:00Z"));
    }

    @Test
    void anOrdinaryWeekendIsSkipped() {
        clock.set(Instant.parse("2026-12-03T02:00:00Z")); // Thursday 10:00 China: Fri 1, Mon 2, Tue 3

        assertThat(deadlines.resolveDue(ReportCategory.HEATING, clock.instant()))
                .isEqualTo(Instant.parse("2026-12-08T02:00:00Z"));
    }

    @Test
    void theTimeToAcceptIsWallClockMinutesEvenOnAHoliday() {
        clock.set(Instant.parse("2026-10-01T14:30:00Z")); // 22:30 China on National Day

        long id = fileReport(reporter);

        assertThat(due(id, "accept_due")).isEqualTo(Instant.parse("2026-10-01T16:30:00Z"));
    }

    @Test
    void thePlatformAdminSetsACategorysDeadlinesAndNewReportsFollowThem() {
        var put = put(platform, "/api/v1/admin/report-rules/NOISE", "{\"acceptMinutes\":30,\"resolveWorkingDays\":1}");

        assertThat(put).hasStatusOk();
        assertThat(Http.<Boolean>read(put, "$.data.custom")).isTrue();
        List<Object> rules = Http.read(get(admin, "/api/v1/admin/report-rules"), "$.data[?(@.category == 'NOISE')].acceptMinutes");
        assertThat(rules).containsExactly(30);
        List<Object> lighting = Http.read(get(admin, "/api/v1/admin/report-rules"),
                "$.data[?(@.category == 'LIGHTING')].resolveWorkingDays");
        assertThat(lighting).as("a category without a rule keeps the defaults").containsExactly(3);
        long id = idOf(file(reporter, reportJson("NOISE", "楼下广场舞音响太大声。")));
        assertThat(due(id, "accept_due")).isEqualTo(clock.instant().plusSeconds(30 * 60));
        assertThat(deadlines.resolveDue(ReportCategory.NOISE, Instant.parse("2026-09-30T07:00:00Z")))
                .isEqualTo(Instant.parse("2026-10-08T07:00:00Z"));
        assertThat(jdbc.queryForObject("select count(*) from audit_log where actor_id = ? and action = 'report.rule.set' "
                + "and target_id = 'NOISE'", Integer.class, platform.id())).isEqualTo(1);
    }

    @Nested
    class Refused {

        @Test
        void aCommunityAdminMayReadTheRulesButNotChangeThem() {
            var put = put(admin, "/api/v1/admin/report-rules/NOISE", "{\"acceptMinutes\":30,\"resolveWorkingDays\":1}");

            assertThat(put).hasStatus(403);
            assertThat(Http.<Integer>read(put, "$.code")).isEqualTo(10300);
            assertThat(jdbc.queryForObject("select count(*) from report_category_rule where category = 'NOISE'", Integer.class))
                    .isZero();
        }

        @Test
        void zeroWorkingDaysNamesTheField() {
            var put = put(platform, "/api/v1/admin/report-rules/NOISE", "{\"acceptMinutes\":30,\"resolveWorkingDays\":0}");

            assertThat(put).hasStatus(400);
            assertThat(Http.body(put)).contains("resolveWorkingDays");
        }

        @Test
        void aResidentCannotReadThem() {
            assertThat(get(reporter, "/api/v1/admin/report-rules")).hasStatus(403);
        }
    }

    private void setDay(String date, String kind, String name) {
        assertThat(put(platform, "/api/v1/admin/holidays/" + date, "{\"kind\":\"%s\",\"name\":\"%s\"}".formatted(kind, name)))
                .hasStatusOk();
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult put(SignedIn who, String uri, String json) {
        return mvc.put().uri(uri).header("Authorization", who.bearer()).contentType(MediaType.APPLICATION_JSON).content(json)
                .exchange();
    }

    private Instant due(long id, String column) {
        return jdbc.queryForObject("select " + column + " from report where id = ?", Timestamp.class, id).toInstant();
    }
}
