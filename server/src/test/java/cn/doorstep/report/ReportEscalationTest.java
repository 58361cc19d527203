package cn.doorstep.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.common.Role;
import cn.doorstep.report.followup.ReportEscalation;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.Parallel;
import cn.doorstep.support.TestUsers.SignedIn;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The reports' clocks, run by calling the jobs' methods under a moved clock: overdue at the grid goes to the
 * street, still overdue a day later to the district, once each; paused reports never; resolved reports left
 * unrated are closed.
 */
@IntegrationTest
@RecordApplicationEvents
class ReportEscalationTest extends ReportTestSupport {

    /** Tuesday 2026-12-01 10:00 China. */
    static final Instant FILED = Instant.parse("2026-12-01T02:00:00Z");

    @Autowired
    ReportEscalation escalation;
    @Autowired
    ApplicationEvents published;

    SignedIn streetAdmin;
    SignedIn districtAdmin;

    @BeforeEach
    void setUp() {
        clock.set(FILED);
        setUpPeople();
        streetAdmin = users.with(Role.STREET_ADMIN, chain.street());
        districtAdmin = users.with(Role.DISTRICT_ADMIN, chain.district());
        // other tests' reports, filed under their own clocks, may be overdue now: move them first, so the runs
        // below are about this test's reports
        while (escalation.escalateDue() > 0) {
            // until nothing is left to move at this time
        }
    }

    @AfterEach
    void resetClock() {
        clock.set(Instant.now());
    }

    @Test
    void aReportNotAcceptedInTimeGoesToTheStreetAndItsAdminsAndTheGridsWorkersAreTold() {
        long id = fileReport(reporter);
        clock.set(FILED.plus(Duration.ofHours(2)));
        escalation.escalateDue();
        assertThat(level(id)).as("due, not yet past").isEqualTo("GRID");

        clock.set(FILED.plus(Duration.ofHours(2)).plusSeconds(1));
        escalation.escalateDue();

        assertThat(level(id)).isEqualTo("STREET");
        assertThat(status(id)).isEqualTo("SUBMITTED");
        assertThat(jdbc.queryForObject("select escalated_at from report where id = ?", Timestamp.class, id).toInstant())
                .isEqualTo(clock.instant());
        assertThat(jdbc.queryForObject("select actor from report_step where report_id = ? and step = 'ESCALATED'",
                String.class, id)).isEqualTo("SYSTEM");
        assertThat(escalatedNotices(streetAdmin)).isEqualTo(1);
        assertThat(escalatedNotices(admin)).isEqualTo(1);
        assertThat(escalatedNotices(gridHead)).isEqualTo(1);
        assertThat(escalatedNotices(districtAdmin)).isZero();
        var card = get(admin, "/api/v1/reports/" + id);
        assertThat(card).bodyJson().extractingPath("$.data.overdue").isEqualTo(true);
        assertThat(card).bodyJson().extractingPath("$.data.level").isEqualTo("STREET");
    }

    @Test
    void aSecondRunChangesNothing() {
        long id = fileReport(reporter);
        clock.set(FILED.plus(Duration.ofHours(3)));

        escalation.escalateDue();
        escalation.escalateDue();

        assertThat(steps(id, "ESCALATED")).isEqualTo(1);
        assertThat(escalatedNotices(streetAdmin)).isEqualTo(1);
    }

    @Test
    void twoInstancesRunningAtOnceEscalateEachReportOnce() {
        long first = fileReport(reporter);
        long second = fileReport(users.resident());
        clock.set(FILED.plus(Duration.ofHours(3)));

        var moved = Parallel.run(4, 4, i -> escalation.escalateDue());

        assertThat(moved.stream().mapToInt(Integer::intValue).sum()).isEqualTo(2);
        assertThat(steps(first, "ESCALATED")).isEqualTo(1);
        assertThat(steps(second, "ESCALATED")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select version from report where id = ?", Integer.class, first)).isEqualTo(1);
        assertThat(escalatedNotices(streetAdmin)).isEqualTo(2);
    }

    @Test
    void stillOverdueADayAfterTheStreetHadItItGoesToTheDistrict() {
        long id = fileReport(reporter);
        Instant escalated = FILED.plus(Duration.ofHours(3));
        clock.set(escalated);
        escalation.escalateDue();

        clock.set(escalated.plus(Duration.ofHours(24)));
        escalation.escalateDue();
        assertThat(level(id)).as("24 h after, not yet past").isEqualTo("STREET");

        clock.set(escalated.plus(Duration.ofHours(24)).plusSeconds(1));
        escalation.escalateDue();
        escalation.escalateDue();

        assertThat(level(id)).isEqualTo("DISTRICT");
        assertThat(steps(id, "ESCALATED")).isEqualTo(2);
        assertThat(escalatedNotices(districtAdmin)).isEqualTo(1);
        assertThat(escalatedNotices(streetAdmin)).as("told once, when it reached the street").isEqualTo(1);
    }

    @Test
    void anAcceptedReportPastItsTimeToResolveEscalatesButOneWithinItDoesNot() {
        long late = fileReport(reporter);
        long onTime = fileReport(users.resident());
        // accepted at once; the grid's accept step is not on this branch, so the row is moved as it would leave it
        jdbc.update("update report set status = 'ACCEPTED', accepted_at = ?, resolve_due = ? where id = ?",
                Timestamp.from(FILED), Timestamp.from(FILED.plus(Duration.ofDays(1))), late);
        jdbc.update("update report set status = 'ACCEPTED', accepted_at = ?, resolve_due = ? where id = ?",
                Timestamp.from(FILED), Timestamp.from(FILED.plus(Duration.ofDays(3))), onTime);
        clock.set(FILED.plus(Duration.ofDays(2)));

        escalation.escalateDue();

        assertThat(level(late)).isEqualTo("STREET");
        assertThat(level(onTime)).isEqualTo("GRID");
    }

    @Test
    void aReportWaitingForItsReporterNeverEscalates() {
        long id = fileReport(reporter);
        jdbc.update("update report set status = 'WAITING_REPORTER', paused_at = ?, paused_from = 'SUBMITTED', "
                + "question = '具体是哪一盏灯？' where id = ?", Timestamp.from(FILED.plusSeconds(60)), id);
        clock.set(FILED.plus(Duration.ofDays(10)));

        escalation.escalateDue();

        assertThat(level(id)).isEqualTo("GRID");
        assertThat(steps(id, "ESCALATED")).isZero();
    }

    @Test
    void aResolvedReportLeftUnratedForSevenDaysIsClosedUnrated() {
        long id = fileReport(reporter);
        Instant resolved = FILED.plus(Duration.ofHours(1));
        jdbc.update("update report set status = 'RESOLVED', accepted_at = ?, resolved_at = ?, resolution = '已更换灯泡' "
                + "where id = ?", Timestamp.from(FILED), Timestamp.from(resolved), id);
        clock.set(resolved.plus(Duration.ofDays(7)));
        escalation.closeUnrated();
        assertThat(status(id)).as("seven days to the millisecond: not yet").isEqualTo("RESOLVED");

        clock.set(resolved.plus(Duration.ofDays(7)).plusSeconds(1));
        escalation.closeUnrated();
        escalation.closeUnrated();

        assertThat(status(id)).isEqualTo("CLOSED");
        assertThat(jdbc.queryForObject("select satisfied from report where id = ?", Boolean.class, id)).isNull();
        assertThat(jdbc.queryForObject("select closed_at from report where id = ?", Timestamp.class, id).toInstant())
                .isEqualTo(clock.instant());
        assertThat(steps(id, "CLOSED")).isEqualTo(1);
        assertThat(published.stream(ReportClosed.class).filter(e -> e.reportId() == id))
                .singleElement().satisfies(e -> assertThat(e.satisfied()).isNull());
        assertThat(jdbc.queryForObject("select count(*) from inbox_item where user_id = ? and kind = 'REPORT_PROGRESS'",
                Integer.class, reporter.id())).isEqualTo(1);
    }

    @Test
    void aRatedReportIsNotClosedAgain() {
        long id = fileReport(reporter);
        jdbc.update("update report set status = 'CLOSED', resolved_at = ?, satisfied = true, closed_at = ? where id = ?",
                Timestamp.from(FILED), Timestamp.from(FILED), id);
        clock.set(FILED.plus(Duration.ofDays(30)));

        escalation.closeUnrated();

        assertThat(steps(id, "CLOSED")).isZero();
    }

    private String level(long id) {
        return jdbc.queryForObject("select level from report where id = ?", String.class, id);
    }

    private int escalatedNotices(SignedIn who) {
        return jdbc.queryForObject("select count(*) from inbox_item where user_id = ? and kind = 'REPORT_ESCALATED'",
                Integer.class, who.id());
    }
}
