package cn.doorstep.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.TestUsers.SignedIn;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A report its reporter filed themselves earns them points once it is resolved (REPORT_RESOLVED, 5 a report,
 * at most 10 a day), counted in their 双积分 statement; a hotline report and the followers of merged reports
 * earn nothing.
 */
@IntegrationTest
class ReportPointsTest extends ReportTestSupport {

    /** 12:00 China on Tuesday 2026-12-01. */
    static final Instant NOON = Instant.parse("2026-12-01T04:00:00Z");


    @BeforeEach
    void setUp() {
        clock.set(NOON);
        setUpPeople();
    }

    @AfterEach
    void resetClock() {
        clock.set(Instant.now());
    }

    @Test
    void aResolvedReportEarnsItsReporterPointsOnceAndTheyAppearInTheirStatement() {
        long id = fileReport(reporter);

        resolve(id);
        await().atMost(Duration.ofSeconds(10)).until(() -> earned(reporter) == 5);
        // not satisfied: reopened, and resolved again (ReportResolved a second time)
        assertThat(post(reporter, "/api/v1/reports/" + id + "/rate", "{\"satisfied\":false,\"comment\":\"还是不亮\"}"))
                .hasStatusOk();
        resolve(id);

        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> earned(reporter) == 5);
        assertThat(jdbc.queryForObject("select count(*) from points_ledger where user_id = ? and reason = 'REPORT_RESOLVED' "
                + "and ref_type = 'report' and ref_id = ?", Integer.class, reporter.id(), String.valueOf(id))).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from inbox_item where user_id = ? and kind = 'POINTS_EARNED'",
                Integer.class, reporter.id())).isEqualTo(1);

        var issued = post(reporter, "/api/v1/points/statements", "{\"from\":\"2026-12-01\",\"to\":\"2026-12-01\"}");
        assertThat(issued).hasStatusOk();
        List<Map<String, Object>> lines = Http.read(issued, "$.data.lines");
        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line).containsEntry("kind", "REPORT_RESOLVED").containsEntry("entries", 1).containsEntry("points", 5);
        });
        assertThat(Http.<Integer>read(issued, "$.data.totalPoints")).isEqualTo(5);
    }

    @Test
    void theDailyCapHoldsAcrossReportsResolvedTheSameDay() {
        long first = fileReport(reporter);
        long second = fileReport(reporter);
        long third = fileReport(reporter);

        resolve(first);
        resolve(second);
        resolve(third);

        await().atMost(Duration.ofSeconds(10)).until(() -> earned(reporter) == 10);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> earned(reporter) == 10);
        assertThat(jdbc.queryForObject("select count(*) from points_ledger where user_id = ? and reason = 'REPORT_RESOLVED'",
                Integer.class, reporter.id())).as("the third is capped: no entry").isEqualTo(2);
    }

    @Test
    void aHotlineReportEarnsTheWorkerWhoWroteItDownNothingNorDoMergedFollowers() {
        long id = fileReport(reporter);
        SignedIn follower = users.resident();
        jdbc.update("insert into report_follower (report_id, user_id, via, created_at) values (?, ?, 'MERGED', ?)", id,
                follower.id(), Timestamp.from(NOON));
        long hotline = idOf(post(admin, "/api/v1/admin/reports", reportJson("HEATING", "12号楼暖气不热")
                .replace("}", ",\"callerName\":\"张大爷\",\"callerPhone\":\"13912345678\"}")));

        resolve(hotline);
        resolve(id);

        await().atMost(Duration.ofSeconds(10)).until(() -> earned(reporter) == 5);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> earned(admin) == 0);
        assertThat(earned(follower)).isZero();
    }

    /** The grid resolves it (POST /api/v1/admin/reports/{id}/resolve), which publishes ReportResolved. */
    private void resolve(long id) {
        assertThat(post(admin, "/api/v1/admin/reports/" + id + "/resolve", "{\"text\":\"已处理\",\"photos\":[]}"))
                .hasStatusOk();
    }

    private long earned(SignedIn who) {
        return jdbc.queryForObject("select coalesce(sum(delta), 0) from points_ledger where user_id = ? "
                + "and reason = 'REPORT_RESOLVED'", Long.class, who.id());
    }
}
