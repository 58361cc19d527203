package cn.doorstep.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@IntegrationTest
class ReportFilingTest extends ReportTestSupport {

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-12-01T02:00:00Z"));
        setUpPeople();
    }

    @AfterEach
    void resetClock() {
        clock.set(Instant.now());
    }

    @Test
    void aResidentFilesAReportAndFollowsItInTheirListAndItsTimeline() {
        var reply = file(reporter, reportJson("LIGHTING", "3号楼北侧路灯不亮，晚上很黑。"));

        assertThat(reply).hasStatusOk();
        long id = idOf(reply);
        assertThat(status(id)).isEqualTo("SUBMITTED");
        assertThat(jdbc.queryForObject("select accept_due from report where id = ?", java.sql.Timestamp.class, id).toInstant())
                .isEqualTo(Instant.parse("2026-12-01T04:00:00Z"));
        List<Number> mine = Http.read(get(reporter, "/api/v1/reports/mine"), "$.data.items[*].id");
        assertThat(mine).extracting(Number::longValue).containsExactly(id);
        var detail = detail(reporter, id);
        assertThat(detail).hasStatusOk();
        assertThat(Http.<String>read(detail, "$.data.channel")).isEqualTo("APP");
        assertThat(Http.<List<String>>read(detail, "$.data.timeline[*].step")).containsExactly("FILED");
        assertThat(Http.<Object>read(detail, "$.data.timeline[0].actorId")).as("residents see who by kind only").isNull();
    }

    @Test
    void theGridsWorkersSeeItAndAreToldOfIt() {
        long id = fileReport(reporter);

        assertThat(detail(admin, id)).hasStatusOk();
        assertThat(detail(gridHead, id)).hasStatusOk();
        assertThat(jdbc.queryForObject("select count(*) from inbox_item where user_id in (?, ?) and kind = 'REPORT_ASSIGNED'",
                Integer.class, admin.id(), gridHead.id())).isEqualTo(2);
    }

    @Test
    void aGridHeadNamingTheirGridFilesAsGridHead() {
        long id = idOf(file(gridHead, reportJson("FIRE_LANES", "5号楼前消防通道被私家车占用。")));

        assertThat(jdbc.queryForObject("select channel from report where id = ?", String.class, id)).isEqualTo("GRID_HEAD");
    }

    @Nested
    class Refused {

        @Test
        void anotherUsersReportIsNotFound() {
            long id = fileReport(reporter);

            assertThat(detail(stranger, id)).hasStatus(404);
            assertThat(Http.<Integer>read(detail(stranger, id), "$.code")).isEqualTo(60001);
        }

        @Test
        void emptyTextNamesTheField() {
            var reply = file(reporter, reportJson("LIGHTING", "  "));

            assertThat(reply).hasStatus(400);
            assertThat(Http.body(reply)).contains("text");
            assertThat(jdbc.queryForObject("select count(*) from report where reporter_id = ?", Integer.class, reporter.id()))
                    .isZero();
        }

        @Test
        void aLocationOutsideChinaNamesTheField() {
            var reply = file(reporter, reportJson("LIGHTING", "路灯不亮").replace("\"lat\":43.8378", "\"lat\":60.1"));

            assertThat(reply).hasStatus(400);
            assertThat(Http.body(reply)).contains("lat");
        }

        @Test
        void aGridOfAnotherCommunityIsRefused() {
            long otherGrid = gridIn(regions.community());
            var reply = file(reporter, reportJson("LIGHTING", "路灯不亮").replace("\"gridId\":" + grid, "\"gridId\":" + otherGrid));

            assertThat(reply).hasStatus(400);
            assertThat(Http.body(reply)).contains("gridId");
        }
    }
}
