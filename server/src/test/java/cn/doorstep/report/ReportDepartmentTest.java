package cn.doorstep.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.common.Role;
import cn.doorstep.media.MediaService;
import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.TestImages;
import cn.doorstep.support.TestUsers.SignedIn;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** 流转, the department side, 吹哨 and 报到, over HTTP, read back through GET and the database. */
@IntegrationTest
class ReportDepartmentTest extends ReportTestSupport {

    private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

    @Autowired
    MediaService media;

    long heating;
    long police;
    SignedIn heatingPerson;
    SignedIn policePerson;

    @BeforeEach
    void setUp() {
        clock.set(NOW);
        setUpPeople();
        heating = departmentServing(chain.street());
        police = departmentServing(chain.street());
        // short names, as real ones are: a notice's field holds 20 characters
        jdbc.update("update department set name = concat('供热', id) where id = ?", heating);
        jdbc.update("update department set name = concat('派出所', id) where id = ?", police);
        heatingPerson = users.with(Role.DEPARTMENT, heating);
        policePerson = users.with(Role.DEPARTMENT, police);
    }

    @AfterEach
    void resetClock() {
        clock.set(Instant.now());
    }

    MvcTestResult route(SignedIn who, long id, long... departments) {
        return post(who, "/api/v1/admin/reports/" + id + "/route", sendJson(departments));
    }

    MvcTestResult summon(SignedIn who, long id, long... departments) {
        return post(who, "/api/v1/admin/reports/" + id + "/summon", sendJson(departments));
    }

    static String sendJson(long... departments) {
        return "{\"departmentIds\":" + Arrays.toString(departments) + ",\"note\":\"请尽快处理\"}";
    }

    MvcTestResult act(SignedIn who, long id, String action, String json) {
        return post(who, "/api/v1/department/reports/" + id + "/" + action, json);
    }

    MvcTestResult resolve(SignedIn who, long id) {
        return act(who, id, "resolve", "{\"text\":\"已更换灯泡，恢复照明。\",\"photos\":[\"" + photoUrl(who) + "\"]}");
    }

    Long resolvedBy(long id) {
        return jdbc.queryForObject("select resolved_department_id from report where id = ?", Long.class, id);
    }

    String assignment(long id, long department) {
        return jdbc.queryForObject("select status from report_assignment where report_id = ? and department_id = ?",
                String.class, id, department);
    }

    String photoUrl(SignedIn owner) {
        String url = media.store(owner.id(), TestImages.png(6, 4)).url();
        jdbc.update("update media_image set check_status = 'PASSED' where path = ?",
                url.substring(url.indexOf("/media/") + "/media/".length()));
        return url;
    }

    @Test
    void routingASubmittedReportAcceptsItOnTheWayAndTellsTheDepartmentAndTheReporter() {
        long id = fileReport(reporter);

        var reply = route(admin, id, heating);

        assertThat(reply).hasStatusOk();
        assertThat(Http.<String>read(reply, "$.data.status")).isEqualTo("ROUTED");
        assertThat(Http.<List<String>>read(reply, "$.data.departments[*].status")).containsExactly("PENDING");
        assertThat(jdbc.queryForObject("select accepted_by from report where id = ?", Long.class, id)).isEqualTo(admin.id());
        Instant due = jdbc.queryForObject("select resolve_due from report where id = ?", Timestamp.class, id).toInstant();
        assertThat(due).isEqualTo(NOW.plusSeconds(3 * 86_400));
        assertThat(jdbc.queryForObject("select resolve_due from report_assignment where report_id = ?", Timestamp.class, id)
                .toInstant()).isEqualTo(due);
        assertThat(steps(id, "ROUTED")).isEqualTo(1);
        assertThat(notices(heatingPerson, "REPORT_ASSIGNED")).isEqualTo(1);
        assertThat(notices(reporter, "REPORT_PROGRESS")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select body from inbox_item where user_id = ? and kind = 'REPORT_PROGRESS'",
                String.class, reporter.id())).contains("已转交");
        assertThat(audits("report.route", id)).isEqualTo(1);
    }

    @Test
    void aGridHeadRoutesAReportOfTheirGrid() {
        long id = fileReport(reporter);

        assertThat(route(gridHead, id, heating)).hasStatusOk();
        assertThat(status(id)).isEqualTo("ROUTED");
    }

    @Test
    void theDepartmentAcceptsAsksForTimeOnceAndResolvesWithEvidence() {
        long id = fileReport(reporter);
        route(admin, id, heating);

        assertThat(act(heatingPerson, id, "accept", null)).hasStatusOk();
        assertThat(status(id)).isEqualTo("IN_PROGRESS");
        assertThat(assignment(id, heating)).isEqualTo("ACCEPTED");

        var extended = act(heatingPerson, id, "extend", "{\"workingDays\":2,\"reason\":\"需要订购配件\"}");
        assertThat(extended).hasStatusOk();
        Instant due = jdbc.queryForObject("select resolve_due from report where id = ?", Timestamp.class, id).toInstant();
        // due Friday 4 December (three working days after Tuesday's acceptance), two working days more: Tuesday 8th
        assertThat(due).isEqualTo(NOW.plusSeconds(7 * 86_400));
        assertThat(steps(id, "EXTENDED")).isEqualTo(1);
        var again = act(heatingPerson, id, "extend", "{\"workingDays\":1,\"reason\":\"再等一天\"}");
        assertThat(again).hasStatus(409);
        assertThat(Http.<Integer>read(again, "$.code")).isEqualTo(60026);

        var resolved = resolve(heatingPerson, id);
        assertThat(resolved).hasStatusOk();
        assertThat(status(id)).isEqualTo("RESOLVED");
        assertThat(resolvedBy(id)).isEqualTo(heating);
        assertThat(jdbc.queryForObject("select resolution from report where id = ?", String.class, id)).contains("更换灯泡");
        var detail = detail(reporter, id);
        assertThat(Http.<List<String>>read(detail, "$.data.departments[*].status")).containsExactly("RESOLVED");
        assertThat(Http.<List<String>>read(detail, "$.data.timeline[*].step"))
                .containsExactly("FILED", "ROUTED", "DEPARTMENT_ACCEPTED", "EXTENDED", "RESOLVED");
        assertThat(Http.<List<String>>read(detail, "$.data.timeline[4].photos")).hasSize(1);
        assertThat(audits("report.department.resolve", id)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select body from inbox_item where user_id = ? and kind = 'REPORT_PROGRESS' "
                + "order by id desc limit 1", String.class, reporter.id())).contains("请评价");
    }

    @Test
    void theReportIsResolvedOnlyWhenEveryDepartmentOnItHasResolvedItsPart() {
        long id = fileReport(reporter);
        route(admin, id, heating, police);
        act(heatingPerson, id, "accept", null);
        act(policePerson, id, "accept", null);

        assertThat(resolve(heatingPerson, id)).hasStatusOk();
        assertThat(status(id)).isEqualTo("IN_PROGRESS");
        assertThat(resolve(policePerson, id)).hasStatusOk();
        assertThat(status(id)).isEqualTo("RESOLVED");
        assertThat(resolvedBy(id)).isEqualTo(police);
    }

    @Test
    void aReturnSendsItBackToTheGridAndRoutingAgainReusesTheRow() {
        long id = fileReport(reporter);
        route(admin, id, heating);

        var returned = act(heatingPerson, id, "return", "{\"reason\":\"不属于供热范围\"}");

        assertThat(returned).hasStatusOk();
        assertThat(status(id)).isEqualTo("ACCEPTED");
        assertThat(assignment(id, heating)).isEqualTo("RETURNED");
        assertThat(jdbc.queryForObject("select note from report_assignment where report_id = ?", String.class, id))
                .isEqualTo("不属于供热范围");
        assertThat(notices(gridHead, "REPORT_ASSIGNED")).as("filed, then returned").isEqualTo(2);
        assertThat(route(admin, id, heating)).hasStatusOk();
        assertThat(jdbc.queryForObject("select count(*) from report_assignment where report_id = ?", Integer.class, id))
                .isEqualTo(1);
        assertThat(assignment(id, heating)).isEqualTo("PENDING");
        assertThat(jdbc.queryForObject("select returned_at from report_assignment where report_id = ?", Timestamp.class, id))
                .isNull();
    }

    @Test
    void theDepartmentListsWhatWasSentToItWithItsPart() {
        long first = fileReport(reporter);
        long second = fileReport(reporter);
        route(admin, first, heating);
        route(admin, second, heating, police);
        act(heatingPerson, second, "accept", null);

        var all = get(heatingPerson, "/api/v1/department/reports");
        assertThat(Http.<List<Number>>read(all, "$.data.items[*].report.id")).extracting(Number::longValue)
                .containsExactly(second, first);
        var accepted = get(heatingPerson, "/api/v1/department/reports?status=ACCEPTED");
        assertThat(Http.<List<Number>>read(accepted, "$.data.items[*].report.id")).extracting(Number::longValue)
                .containsExactly(second);
        assertThat(Http.<List<String>>read(accepted, "$.data.items[*].status")).containsExactly("ACCEPTED");

        clock.set(NOW.plusSeconds(4 * 86_400));
        var overdue = get(policePerson, "/api/v1/department/reports?overdue=true");
        assertThat(Http.<List<Number>>read(overdue, "$.data.items[*].report.id")).extracting(Number::longValue)
                .containsExactly(second);
        assertThat(Http.<List<Boolean>>read(overdue, "$.data.items[*].overdue")).containsExactly(true);
    }

    @Test
    void aStreetAdminSummonsDepartmentsWhoRespondAndResolve() {
        SignedIn streetAdmin = users.with(Role.STREET_ADMIN, chain.street());
        long id = fileReport(reporter);

        var reply = summon(streetAdmin, id, heating, police);

        assertThat(reply).hasStatusOk();
        assertThat(status(id)).isEqualTo("ROUTED");
        assertThat(jdbc.queryForObject("select summoned_at from report where id = ?", Timestamp.class, id)).isNotNull();
        assertThat(jdbc.queryForObject("select count(*) from report_assignment where report_id = ? and kind = 'SUMMONED' "
                + "and status = 'PENDING'", Integer.class, id)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select actor from report_step where report_id = ? and step = 'SUMMONED'",
                String.class, id)).isEqualTo("STREET");
        assertThat(notices(heatingPerson, "REPORT_ASSIGNED")).isEqualTo(1);
        assertThat(notices(policePerson, "REPORT_ASSIGNED")).isEqualTo(1);
        assertThat(audits("report.summon", id)).isEqualTo(1);

        var accept = act(heatingPerson, id, "accept", null);
        assertThat(accept).as("a summoned department responds").hasStatus(409);
        assertThat(Http.<Integer>read(accept, "$.code")).isEqualTo(60027);
        assertThat(act(heatingPerson, id, "respond", "{\"note\":\"供热站已到场\"}")).hasStatusOk();
        assertThat(assignment(id, heating)).isEqualTo("RESPONDED");
        assertThat(status(id)).isEqualTo("IN_PROGRESS");
        assertThat(act(policePerson, id, "respond", null)).hasStatusOk();
        assertThat(jdbc.queryForObject("select responded_at from report_assignment where report_id = ? and department_id = ?",
                Timestamp.class, id, police)).isNotNull();

        resolve(heatingPerson, id);
        assertThat(resolve(policePerson, id)).hasStatusOk();
        assertThat(status(id)).isEqualTo("RESOLVED");
        var detail = detail(reporter, id);
        assertThat(Http.<List<String>>read(detail, "$.data.departments[*].kind")).containsExactly("SUMMONED", "SUMMONED");
        assertThat(Http.<List<String>>read(detail, "$.data.departments[*].status")).containsExactly("RESOLVED", "RESOLVED");
    }

    @Nested
    class Refused {

        @Test
        void aDepartmentNotServingTheStreetOrInactiveIsNamed() {
            long elsewhere = departmentServing(regions.streetIn(chain.district()));
            long inactive = departmentServing(chain.street());
            jdbc.update("update department set active = false where id = ?", inactive);
            long id = fileReport(reporter);

            var reply = route(admin, id, heating, elsewhere, inactive);

            assertThat(reply).hasStatus(400);
            assertThat(Http.<Integer>read(reply, "$.code")).isEqualTo(60024);
            assertThat(Http.body(reply)).contains("departmentIds").contains(String.valueOf(elsewhere))
                    .contains(String.valueOf(inactive));
            assertThat(status(id)).isEqualTo("SUBMITTED");
        }

        @Test
        void anotherDepartmentDoesNotFindIt() {
            long other = departmentServing(chain.street());
            SignedIn otherPerson = users.with(Role.DEPARTMENT, other);
            long id = fileReport(reporter);
            route(admin, id, heating);

            assertThat(act(otherPerson, id, "accept", null)).hasStatus(404);
            assertThat(detail(otherPerson, id)).hasStatus(404);
            assertThat(detail(heatingPerson, id)).hasStatusOk();
            assertThat(Http.<List<Object>>read(get(otherPerson, "/api/v1/department/reports"), "$.data.items")).isEmpty();
        }

        @Test
        void aWorkerOfAnotherCommunityDoesNotFindIt() {
            SignedIn otherAdmin = users.with(Role.ADMIN, regions.community());
            SignedIn otherGridHead = users.with(Role.GRID_HEAD, gridIn(community));
            long id = fileReport(reporter);

            assertThat(route(otherAdmin, id, heating)).hasStatus(404);
            assertThat(route(otherGridHead, id, heating)).hasStatus(404);
            assertThat(status(id)).isEqualTo("SUBMITTED");
        }

        @Test
        void onlyTheReportsStreetSummons() {
            SignedIn otherStreetAdmin = users.with(Role.STREET_ADMIN, regions.streetIn(chain.district()));
            long id = fileReport(reporter);

            var byCommunityAdmin = summon(admin, id, heating);
            assertThat(byCommunityAdmin).hasStatus(403);
            assertThat(Http.<Integer>read(byCommunityAdmin, "$.code")).isEqualTo(60025);
            assertThat(summon(otherStreetAdmin, id, heating)).hasStatus(404);
            assertThat(steps(id, "SUMMONED")).isZero();
        }

        @Test
        void aResolvedReportIsNotRoutedAgain() {
            long id = fileReport(reporter);
            route(admin, id, heating);
            act(heatingPerson, id, "accept", null);
            resolve(heatingPerson, id);

            var reply = route(admin, id, police);

            assertThat(reply).hasStatus(409);
            assertThat(Http.<Integer>read(reply, "$.code")).isEqualTo(60002);
        }

        @Test
        void aWithdrawnEvidencePhotoIsNamed() {
            long id = fileReport(reporter);
            route(admin, id, heating);
            act(heatingPerson, id, "accept", null);
            String url = photoUrl(heatingPerson);
            jdbc.update("update media_image set check_status = 'WITHDRAWN' where path = ?",
                    url.substring(url.indexOf("/media/") + "/media/".length()));

            var reply = act(heatingPerson, id, "resolve", "{\"text\":\"已处理\",\"photos\":[\"" + url + "\"]}");

            assertThat(reply).hasStatus(422);
            assertThat(Http.body(reply)).contains("photos[0]");
            assertThat(assignment(id, heating)).isEqualTo("ACCEPTED");
        }
    }
}
