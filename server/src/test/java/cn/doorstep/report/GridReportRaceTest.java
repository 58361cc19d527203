package cn.doorstep.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.common.Role;
import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.Parallel;
import cn.doorstep.support.TestUsers.SignedIn;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Issue 17 §9: workers acting on one report at once — exactly one step lands, the others get 409. */
@IntegrationTest
class GridReportRaceTest extends GridReportTestSupport {

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-12-01T02:00:00Z"));
        setUpPeople();
    }

    @AfterEach
    void resetClock() {
        clock.set(Instant.now());
    }

    @RepeatedTest(3)
    void eightWorkersAcceptingOneNewReportAtOnceLandExactlyOneAcceptance() {
        List<SignedIn> workers = Parallel.run(8, 4, i -> users.with(Role.ADMIN, community));
        long id = fileReport(reporter);

        List<MvcTestResult> replies = Parallel.run(8, 8, i -> accept(workers.get(i), id));

        List<Integer> statuses = replies.stream().map(r -> r.getResponse().getStatus()).toList();
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(7);
        assertThat(replies.stream().filter(r -> r.getResponse().getStatus() == 409).map(r -> (Integer) Http.read(r, "$.code")))
                .allMatch(code -> code == 60002 || code == 60003);
        long winner = workers.get(statuses.indexOf(200)).id();
        assertThat(jdbc.queryForObject("select accepted_by from report where id = ?", Long.class, id)).isEqualTo(winner);
        assertThat(steps(id, "ACCEPTED")).isEqualTo(1);
        assertThat(audits(id, "report.accept")).isEqualTo(1);
        assertThat(inbox(reporter, "REPORT_PROGRESS")).isEqualTo(1);
    }

    @RepeatedTest(3)
    void acceptRacingResolveLandsOneOfThem() {
        long id = fileReport(reporter);

        List<Integer> statuses = Parallel.run(2, 2, i -> (i == 0 ? accept(admin, id) : resolve(gridHead, id, "现场已处理"))
                .getResponse().getStatus());

        if (statuses.equals(List.of(200, 200))) {
            // they did not overlap after all (a busy machine): the acceptance landed, then the accepted report was
            // resolved — two steps in that order, each once
            assertThat(status(id)).isEqualTo("RESOLVED");
            assertThat(steps(id, "ACCEPTED")).isEqualTo(1);
            assertThat(steps(id, "RESOLVED")).isEqualTo(1);
            return;
        }
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        String status = status(id);
        assertThat(status).isEqualTo(statuses.get(0) == 200 ? "ACCEPTED" : "RESOLVED");
        assertThat(steps(id, "ACCEPTED")).isEqualTo(1);
        assertThat(steps(id, "RESOLVED")).isEqualTo(status.equals("RESOLVED") ? 1 : 0);
    }

    @RepeatedTest(3)
    void twoRatingsAtOnceLandOne() {
        long id = resolvedReport();

        List<Integer> statuses = Parallel.run(2, 2, i -> rate(reporter, id, i == 0, "评价" + i).getResponse().getStatus());

        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        assertThat(steps(id, "RATED") + steps(id, "REOPENED")).isEqualTo(1);
        assertThat(status(id)).isEqualTo(statuses.get(0) == 200 ? "CLOSED" : "ACCEPTED");
    }

    @Test
    void aQuestionAndAnAcceptanceAtOnceLeaveOneStepAndAConsistentPause() {
        long id = fileReport(reporter);

        List<Integer> statuses = Parallel.run(2, 2, i -> (i == 0 ? accept(admin, id) : ask(gridHead, id, "在哪？"))
                .getResponse().getStatus());

        var row = jdbc.queryForMap("select status, paused_from from report where id = ?", id);
        if (statuses.equals(List.of(200, 200))) {
            // they did not overlap after all: the acceptance landed first, then the question paused the accepted report
            assertThat(row).containsEntry("status", "WAITING_REPORTER").containsEntry("paused_from", "ACCEPTED");
            assertThat(steps(id, "ACCEPTED")).isEqualTo(1);
            assertThat(steps(id, "ASKED")).isEqualTo(1);
            return;
        }
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        if (statuses.get(0) == 200) {
            assertThat(row).containsEntry("status", "ACCEPTED").containsEntry("paused_from", null);
        } else {
            assertThat(row).containsEntry("status", "WAITING_REPORTER").containsEntry("paused_from", "SUBMITTED");
        }
    }
}
