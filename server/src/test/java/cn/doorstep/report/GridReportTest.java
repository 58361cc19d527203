package cn.doorstep.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.common.Role;
import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.TestUsers.SignedIn;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The grid's side of a report and the reporter's answers, over HTTP, read back from the report and its timeline. */
@IntegrationTest
@RecordApplicationEvents
class GridReportTest extends GridReportTestSupport {

    static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

    @Autowired
    ApplicationEvents published;

    @BeforeEach
    void setUp() {
        clock.set(NOW);
        setUpPeople();
    }

    @AfterEach
    void resetClock() {
        clock.set(Instant.now());
    }

    @Test
    void theAdminAcceptsAReportTheResolveClockStartsAndTheReporterIsTold() {
        long id = fileReport(reporter);

        var reply = accept(admin, id);

        assertThat(reply).hasStatusOk();
        assertThat(Http.<String>read(reply, "$.data.status")).isEqualTo("ACCEPTED");
        assertThat(status(id)).isEqualTo("ACCEPTED");
        assertThat(jdbc.queryForObject("select accepted_by from report where id = ?", Long.class, id)).isEqualTo(admin.id());
        assertThat(instant("select accepted_at from report where id = ?", id)).isEqualTo(NOW);
        assertThat(instant("select resolve_due from report where id = ?", id)).isEqualTo(NOW.plus(Duration.ofDays(3)));
        assertThat(Http.<List<String>>read(detail(reporter, id), "$.data.timeline[*].step")).containsExactly("FILED", "ACCEPTED");
        assertThat(audits(id, "report.accept")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select body from inbox_item where user_id = ? and kind = 'REPORT_PROGRESS'",
                String.class, reporter.id())).contains("社区已受理");
    }

    @Test
    void aGridHeadAcceptsAReportOfTheirGrid() {
        long id = fileReport(reporter);

        assertThat(accept(gridHead, id)).hasStatusOk();
        assertThat(status(id)).isEqualTo("ACCEPTED");
    }

    @Test
    void aStreetAdminAboveTheCommunityActsAsItsWorker() {
        SignedIn streetAdmin = users.with(Role.STREET_ADMIN, chain.street());
        long id = fileReport(reporter);

        assertThat(Http.<List<Number>>read(get(streetAdmin, "/api/v1/admin/reports"), "$.data.items[*].id"))
                .extracting(Number::longValue).containsExactly(id);
        assertThat(accept(streetAdmin, id)).hasStatusOk();
        assertThat(audits(id, "report.accept")).isEqualTo(1);
    }

    @Test
    void theGridResolvesItWithPhotosAndThePointsEventIsPublished() {
        long id = fileReport(reporter);
        accept(admin, id);
        String photo = photoUrl(admin);
        clock.set(NOW.plus(Duration.ofHours(20))); // 2026-12-01T22:00Z is 12-02 in China

        var reply = resolve(admin, id, "已更换灯泡，恢复照明。", photo);

        assertThat(reply).hasStatusOk();
        assertThat(status(id)).isEqualTo("RESOLVED");
        assertThat(jdbc.queryForObject("select resolution from report where id = ?", String.class, id)).isEqualTo("已更换灯泡，恢复照明。");
        assertThat(jdbc.queryForObject("select resolved_by from report where id = ?", Long.class, id)).isEqualTo(admin.id());
        var detail = detail(reporter, id);
        assertThat(Http.<List<String>>read(detail, "$.data.timeline[*].step")).containsExactly("FILED", "ACCEPTED", "RESOLVED");
        assertThat(Http.<List<String>>read(detail, "$.data.timeline[2].photos")).containsExactly(photo);
        assertThat(Http.<String>read(detail, "$.data.timeline[2].note")).isEqualTo("已更换灯泡，恢复照明。");
        assertThat(audits(id, "report.resolve")).isEqualTo(1);
        assertThat(published.stream(ReportResolved.class).filter(e -> e.reportId() == id)).singleElement().satisfies(e -> {
            assertThat(e.reporterId()).isEqualTo(reporter.id());
            assertThat(e.day()).isEqualTo(java.time.LocalDate.parse("2026-12-02"));
        });
    }

    @Test
    void resolvingASubmittedReportAcceptsItOnTheWay() {
        long id = fileReport(reporter);

        assertThat(resolve(gridHead, id, "现场已处理。")).hasStatusOk();

        assertThat(status(id)).isEqualTo("RESOLVED");
        assertThat(jdbc.queryForObject("select accepted_by from report where id = ?", Long.class, id)).isEqualTo(gridHead.id());
        assertThat(Http.<List<String>>read(detail(reporter, id), "$.data.timeline[*].step"))
                .containsExactly("FILED", "ACCEPTED", "RESOLVED");
        assertThat(Http.<List<String>>read(detail(reporter, id), "$.data.timeline[*].status"))
                .containsExactly("SUBMITTED", "ACCEPTED", "RESOLVED");
    }

    @Test
    void aQuestionPausesTheClockAndTheReplyMovesTheDeadlinesOnByTheTimeItWaited() {
        long id = fileReport(reporter);
        accept(admin, id);
        Instant resolveDue = instant("select resolve_due from report where id = ?", id);
        Instant acceptDue = instant("select accept_due from report where id = ?", id);

        var asked = ask(gridHead, id, "请问是哪一盏路灯？靠近哪个单元？");

        assertThat(asked).hasStatusOk();
        assertThat(status(id)).isEqualTo("WAITING_REPORTER");
        assertThat(Http.<String>read(detail(reporter, id), "$.data.question")).isEqualTo("请问是哪一盏路灯？靠近哪个单元？");
        assertThat(jdbc.queryForObject("select paused_from from report where id = ?", String.class, id)).isEqualTo("ACCEPTED");
        assertThat(audits(id, "report.ask")).isEqualTo(1);
        assertThat(inbox(reporter, "REPORT_PROGRESS")).isEqualTo(2);

        clock.set(NOW.plus(Duration.ofDays(5))); // past the deadline, but the clock stood still
        assertThat(Http.<Boolean>read(detail(admin, id), "$.data.overdue")).isFalse();
        int workersToldBefore = inbox(admin, "REPORT_ASSIGNED");
        String photo = photoUrl(reporter);

        var replied = reply(reporter, id, "2单元门口那盏。", photo);

        assertThat(replied).hasStatusOk();
        assertThat(status(id)).isEqualTo("ACCEPTED");
        assertThat(instant("select resolve_due from report where id = ?", id)).isEqualTo(resolveDue.plus(Duration.ofDays(5)));
        assertThat(instant("select accept_due from report where id = ?", id)).isEqualTo(acceptDue.plus(Duration.ofDays(5)));
        assertThat(jdbc.queryForMap("select question, paused_at, paused_from from report where id = ?", id))
                .containsValues(null, null, null).hasSize(3);
        var detail = detail(reporter, id);
        assertThat(Http.<List<String>>read(detail, "$.data.timeline[*].step")).containsExactly("FILED", "ACCEPTED", "ASKED", "REPLIED");
        assertThat(Http.<List<String>>read(detail, "$.data.timeline[3].photos")).containsExactly(photo);
        assertThat(Http.<Object>read(detail, "$.data.question")).isNull();
        assertThat(inbox(admin, "REPORT_ASSIGNED")).isEqualTo(workersToldBefore + 1);
        assertThat(inbox(gridHead, "REPORT_ASSIGNED")).isEqualTo(2);
    }

    @Test
    void aQuestionAboutAReportWithADepartmentPausesTheDepartmentsDeadlineToo() {
        long id = fileReport(reporter);
        accept(admin, id);
        jdbc.update("insert into department (name, kind, created_by, created_at, updated_at) "
                + "values (?, 'PROPERTY', ?, utc_timestamp(3), utc_timestamp(3))", "测试物业" + System.nanoTime(), admin.id());
        long department = jdbc.queryForObject("select max(id) from department", Long.class);
        Instant departmentDue = NOW.plus(Duration.ofDays(2));
        jdbc.update("""
                insert into report_assignment (report_id, department_id, kind, status, assigned_by, assigned_at, accepted_at,
                    resolve_due, created_at, updated_at) values (?, ?, 'ROUTED', 'ACCEPTED', ?, ?, ?, ?, ?, ?)""",
                id, department, admin.id(), java.sql.Timestamp.from(NOW), java.sql.Timestamp.from(NOW),
                java.sql.Timestamp.from(departmentDue), java.sql.Timestamp.from(NOW), java.sql.Timestamp.from(NOW));
        jdbc.update("update report set status = 'IN_PROGRESS' where id = ?", id); // as the department's acceptance leaves it

        assertThat(ask(admin, id, "请问几点开始不亮的？")).hasStatusOk();
        clock.set(NOW.plus(Duration.ofHours(30)));
        assertThat(reply(reporter, id, "昨晚八点左右")).hasStatusOk();

        assertThat(status(id)).isEqualTo("IN_PROGRESS");
        assertThat(instant("select resolve_due from report_assignment where report_id = ?", id))
                .isEqualTo(departmentDue.plus(Duration.ofHours(30)));
    }

    @Test
    void aQuestionBeforeAcceptanceGoesBackToSubmitted() {
        long id = fileReport(reporter);
        ask(admin, id, "请补充具体位置");
        clock.set(NOW.plus(Duration.ofHours(3)));

        reply(reporter, id, "3号楼北侧");

        assertThat(status(id)).isEqualTo("SUBMITTED");
        assertThat(instant("select accept_due from report where id = ?", id)).isEqualTo(NOW.plus(Duration.ofHours(5)));
        assertThat(jdbc.queryForObject("select resolve_due from report where id = ?", java.sql.Timestamp.class, id)).isNull();
    }

    @Test
    void aSatisfiedRatingClosesTheReport() {
        long id = resolvedReport();

        var reply = rate(reporter, id, true, "很及时，谢谢！");

        assertThat(reply).hasStatusOk();
        assertThat(jdbc.queryForMap("select status, satisfied, rating_comment from report where id = ?", id))
                .containsEntry("status", "CLOSED").containsEntry("satisfied", true).containsEntry("rating_comment", "很及时，谢谢！");
        assertThat(instant("select closed_at from report where id = ?", id)).isEqualTo(NOW);
        assertThat(instant("select rated_at from report where id = ?", id)).isEqualTo(NOW);
        assertThat(steps(id, "RATED")).isEqualTo(1);
        assertThat(published.stream(ReportClosed.class).filter(e -> e.reportId() == id)).singleElement()
                .satisfies(e -> assertThat(e.satisfied()).isTrue());
    }

    @Test
    void notSatisfiedReopensOnceOneLevelUpAndTellsTheStreetThenClosesUnsatisfied() {
        SignedIn streetAdmin = users.with(Role.STREET_ADMIN, chain.street());
        long id = resolvedReport();
        clock.set(NOW.plus(Duration.ofDays(1)));

        var reopened = rate(reporter, id, false, "灯还是不亮");

        assertThat(reopened).hasStatusOk();
        assertThat(jdbc.queryForMap("select status, level, reopened, resolution, resolved_at from report where id = ?", id))
                .containsEntry("status", "ACCEPTED").containsEntry("level", "STREET").containsEntry("reopened", true)
                .containsEntry("resolution", null).containsEntry("resolved_at", null);
        assertThat(instant("select escalated_at from report where id = ?", id)).isEqualTo(NOW.plus(Duration.ofDays(1)));
        // three working days after Wednesday 2 December (China time): Thursday, Friday, then Monday at the same hour
        assertThat(instant("select resolve_due from report where id = ?", id)).isEqualTo(Instant.parse("2026-12-07T02:00:00Z"));
        var detail = detail(reporter, id);
        assertThat(Http.<List<String>>read(detail, "$.data.timeline[*].step"))
                .containsExactly("FILED", "ACCEPTED", "RESOLVED", "REOPENED", "ESCALATED");
        assertThat(Http.<String>read(detail, "$.data.timeline[2].note")).as("the resolution stays in the timeline")
                .isEqualTo("已更换灯泡。");
        assertThat(Http.<String>read(detail, "$.data.timeline[3].note")).isEqualTo("灯还是不亮");
        assertThat(inbox(streetAdmin, "REPORT_ESCALATED")).isEqualTo(1);
        assertThat(inbox(admin, "REPORT_ESCALATED")).isEqualTo(1);
        assertThat(inbox(gridHead, "REPORT_ESCALATED")).isEqualTo(1);
        assertThat(published.stream(ReportClosed.class)).isEmpty();

        resolve(admin, id, "已更换整套灯具。");
        var closed = rate(reporter, id, false, "还是有问题");

        assertThat(closed).hasStatusOk();
        assertThat(jdbc.queryForMap("select status, satisfied, level from report where id = ?", id))
                .containsEntry("status", "CLOSED").containsEntry("satisfied", false).containsEntry("level", "STREET");
        assertThat(published.stream(ReportClosed.class).filter(e -> e.reportId() == id)).singleElement()
                .satisfies(e -> assertThat(e.satisfied()).isFalse());
    }

    @Test
    void aWorkerFilesForAHotlineCallerWhomOnlyWorkersSee() {
        String json = reportJson("HEATING", "12号楼暖气不热").replace("}", ",\"callerName\":\"张大爷\",\"callerPhone\":\"13912345678\"}");

        var reply = post(admin, "/api/v1/admin/reports", json);

        assertThat(reply).hasStatusOk();
        long id = idOf(reply);
        assertThat(jdbc.queryForMap("select channel, reporter_id, caller_name, caller_phone from report where id = ?", id))
                .containsEntry("channel", "HOTLINE").containsEntry("reporter_id", admin.id())
                .containsEntry("caller_name", "张大爷").containsEntry("caller_phone", "13912345678");
        assertThat(jdbc.queryForObject("select count(*) from report_follower where report_id = ?", Integer.class, id)).isZero();
        assertThat(jdbc.queryForObject("select actor_id from audit_log where action = 'report.hotline' and target_id = ?",
                Long.class, String.valueOf(id))).isEqualTo(admin.id());
        assertThat(Http.<String>read(detail(gridHead, id), "$.data.caller.phone")).isEqualTo("13912345678");
        assertThat(Http.<String>read(detail(admin, id), "$.data.caller.name")).isEqualTo("张大爷");
        assertThat(ask(admin, id, "请问具体几单元？")).as("the caller is not in the app").hasStatus(409);
        assertThat(accept(admin, id)).hasStatusOk();
    }

    @Nested
    class TheList {

        @Test
        void aCommunityAdminSeesTheirCommunitysReportsNewestFirstWithOverdue() {
            long first = fileReport(reporter);
            clock.set(NOW.plus(Duration.ofMinutes(1)));
            long second = fileReport(stranger);
            long elsewhere = fileIn(regions.community());
            clock.set(NOW.plus(Duration.ofHours(3))); // both past the 2 hours to accept

            var list = get(admin, "/api/v1/admin/reports");

            assertThat(Http.<List<Number>>read(list, "$.data.items[*].id")).extracting(Number::longValue)
                    .containsExactly(second, first).doesNotContain(elsewhere);
            assertThat(Http.<List<Boolean>>read(list, "$.data.items[*].overdue")).containsExactly(true, true);
        }

        @Test
        void overdueTrueKeepsThoseOverdueLongestOverdueFirst() {
            long accepted = fileReport(reporter);
            accept(admin, accepted);                        // resolve due NOW + 3 days
            clock.set(NOW.plus(Duration.ofDays(3)).plus(Duration.ofHours(1)));
            long submitted = fileReport(reporter);          // accept due in 2 hours
            long late = fileReport(stranger);
            clock.set(NOW.plus(Duration.ofDays(3)).plus(Duration.ofHours(4)));
            accept(admin, late);                            // resolve due in 3 days: not overdue

            var list = get(admin, "/api/v1/admin/reports?overdue=true");

            assertThat(Http.<List<Number>>read(list, "$.data.items[*].id")).extracting(Number::longValue)
                    .containsExactly(accepted, submitted);
        }

        @Test
        void filtersByStatusLevelCategoryAndGrid() {
            long lighting = fileReport(reporter);
            long noise = idOf(file(reporter, reportJson("NOISE", "楼上装修噪音很大")));
            long otherGrid = gridIn(community);
            long inOtherGrid = idOf(file(reporter, reportJson("LIGHTING", "路灯坏了").replace("\"gridId\":" + grid,
                    "\"gridId\":" + otherGrid)));
            accept(admin, noise);

            assertThat(ids(admin, "?status=ACCEPTED")).containsExactly(noise);
            assertThat(ids(admin, "?category=LIGHTING")).containsExactly(inOtherGrid, lighting);
            assertThat(ids(admin, "?level=STREET")).isEmpty();
            assertThat(ids(admin, "?level=GRID&communityId=" + community)).containsExactly(inOtherGrid, noise, lighting);
            assertThat(ids(admin, "?gridId=" + otherGrid)).containsExactly(inOtherGrid);
            assertThat(ids(gridHead, "")).as("a grid head sees their grid only").containsExactly(noise, lighting);
            assertThat(ids(gridHead, "?communityId=" + community)).containsExactly(noise, lighting);
        }

        @Test
        void anotherCommunityIsForbiddenAndItsReportsNotFound() {
            long theirs = regions.community();
            SignedIn theirAdmin = users.with(Role.ADMIN, theirs);
            long ours = fileReport(reporter);

            var list = get(theirAdmin, "/api/v1/admin/reports?communityId=" + community);
            assertThat(list).hasStatus(403);
            assertThat(Http.<Integer>read(list, "$.code")).isEqualTo(60006);
            assertThat(get(gridHead, "/api/v1/admin/reports?gridId=" + gridIn(community))).hasStatus(403);
            assertThat(get(theirAdmin, "/api/v1/admin/reports")).bodyJson().extractingPath("$.data.items").asArray().isEmpty();
            assertThat(detail(theirAdmin, ours)).hasStatus(404);
            assertThat(accept(theirAdmin, ours)).hasStatus(404);
            assertThat(resolve(theirAdmin, ours, "处理了")).hasStatus(404);
            assertThat(ask(theirAdmin, ours, "在哪？")).hasStatus(404);
            assertThat(post(theirAdmin, "/api/v1/admin/reports", reportJson("HEATING", "暖气不热")
                    .replace("}", ",\"callerName\":\"张\",\"callerPhone\":\"13912345678\"}"))).hasStatus(403);
            assertThat(status(ours)).isEqualTo("SUBMITTED");
            assertThat(get(reporter, "/api/v1/admin/reports")).as("residents are not workers").hasStatus(403);
        }

        private List<Long> ids(SignedIn who, String query) {
            return Http.<List<Number>>read(get(who, "/api/v1/admin/reports" + query), "$.data.items[*].id").stream()
                    .map(Number::longValue).toList();
        }

        private long fileIn(long otherCommunity) {
            return idOf(file(stranger, """
                    {"communityId":%d,"category":"ROADS","text":"路面坑洼","lat":43.8378,"lng":126.5496}
                    """.formatted(otherCommunity)));
        }
    }

    @Nested
    class Refused {

        @Test
        void acceptingTwiceIsAConflictNamingTheState() {
            long id = fileReport(reporter);
            accept(admin, id);

            var again = accept(gridHead, id);

            assertThat(again).hasStatus(409);
            assertThat(Http.<Integer>read(again, "$.code")).isEqualTo(60002);
            assertThat(Http.<String>read(again, "$.data.status")).isEqualTo("ACCEPTED");
            assertThat(steps(id, "ACCEPTED")).isEqualTo(1);
        }

        @Test
        void aWithdrawnPhotoRefusesTheResolutionAndNothingIsStored() {
            long id = fileReport(reporter);
            accept(admin, id);

            var reply = resolve(admin, id, "已处理", photoChecked(admin, "WITHDRAWN"));

            assertThat(reply).hasStatus(422);
            assertThat(Http.<Integer>read(reply, "$.code")).isEqualTo(60005);
            assertThat(Http.<String>read(reply, "$.data.errors[0].field")).isEqualTo("photos[0]");
            assertThat(status(id)).isEqualTo("ACCEPTED");
            assertThat(steps(id, "RESOLVED")).isZero();
        }

        @Test
        void aFollowerWhoDidNotFileItMayNotRateIt() {
            long id = resolvedReport();
            jdbc.update("insert into report_follower (report_id, user_id, via, created_at) values (?, ?, 'MERGED', utc_timestamp(3))",
                    id, stranger.id());

            var reply = rate(stranger, id, true, "");

            assertThat(reply).hasStatus(403);
            assertThat(Http.<Integer>read(reply, "$.code")).isEqualTo(60007);
            assertThat(status(id)).isEqualTo("RESOLVED");
        }

        @Test
        void ratingTwiceIsAConflict() {
            long id = resolvedReport();
            rate(reporter, id, true, "好");

            var again = rate(reporter, id, false, "再评");

            assertThat(again).hasStatus(409);
            assertThat(Http.<Integer>read(again, "$.code")).isEqualTo(60008);
            assertThat(jdbc.queryForObject("select satisfied from report where id = ?", Boolean.class, id)).isTrue();
        }

        @Test
        void anUnresolvedReportCannotBeRatedNorAnsweredWithoutAQuestion() {
            long id = fileReport(reporter);

            assertThat(rate(reporter, id, true, "")).hasStatus(409);
            assertThat(reply(reporter, id, "补充")).hasStatus(409);
            assertThat(reply(stranger, id, "补充")).hasStatus(404);
            assertThat(steps(id, "REPLIED") + steps(id, "RATED")).isZero();
        }

        @Test
        void aResolvedReportCannotBeAskedAbout() {
            long id = resolvedReport();

            assertThat(ask(admin, id, "还有问题吗？")).hasStatus(409);
            assertThat(status(id)).isEqualTo("RESOLVED");
        }
    }
}
