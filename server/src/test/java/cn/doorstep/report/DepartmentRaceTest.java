package cn.doorstep.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.common.Role;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.Parallel;
import cn.doorstep.support.TestUsers.SignedIn;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two people of one department acting on one report at once: exactly one step lands, the other gets 409. */
@IntegrationTest
class DepartmentRaceTest extends ReportTestSupport {

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
    void twoPeopleOfOneDepartmentAcceptingAtOnceLandOnce() {
        for (int round = 0; round < 5; round++) {
            long department = departmentServing(chain.street());
            SignedIn one = users.with(Role.DEPARTMENT, department);
            SignedIn two = users.with(Role.DEPARTMENT, department);
            long id = fileReport(reporter);
            assertThat(post(admin, "/api/v1/admin/reports/" + id + "/route",
                    "{\"departmentIds\":[" + department + "]}")).hasStatusOk();

            List<Integer> codes = Parallel.run(2, 2, i -> post(i == 0 ? one : two,
                    "/api/v1/department/reports/" + id + "/accept", null).getResponse().getStatus());

            assertThat(codes).containsExactlyInAnyOrder(200, 409);
            assertThat(steps(id, "DEPARTMENT_ACCEPTED")).isEqualTo(1);
            assertThat(status(id)).isEqualTo("IN_PROGRESS");
            assertThat(jdbc.queryForObject("select version from report_assignment where report_id = ?", Integer.class, id))
                    .isEqualTo(1);
        }
    }

    @Test
    void twoDepartmentsResolvingAtOnceNeverLeaveTheReportUnresolved() {
        for (int round = 0; round < 5; round++) {
            long first = departmentServing(chain.street());
            long second = departmentServing(chain.street());
            SignedIn one = users.with(Role.DEPARTMENT, first);
            SignedIn two = users.with(Role.DEPARTMENT, second);
            long id = fileReport(reporter);
            post(admin, "/api/v1/admin/reports/" + id + "/route", "{\"departmentIds\":[" + first + "," + second + "]}");
            post(one, "/api/v1/department/reports/" + id + "/accept", null);
            post(two, "/api/v1/department/reports/" + id + "/accept", null);

            List<Integer> codes = Parallel.run(2, 2, i -> post(i == 0 ? one : two,
                    "/api/v1/department/reports/" + id + "/resolve", "{\"text\":\"已处理\"}").getResponse().getStatus());
            for (int i = 0; i < 2; i++) {
                if (codes.get(i) == 409) {
                    post(i == 0 ? one : two, "/api/v1/department/reports/" + id + "/resolve", "{\"text\":\"已处理\"}");
                }
            }

            assertThat(codes).contains(200);
            assertThat(status(id)).isEqualTo("RESOLVED");
            assertThat(steps(id, "RESOLVED")).isEqualTo(2);
        }
    }
}
