package cn.doorstep.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.common.Role;
import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.TestUsers.SignedIn;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Departments and their people, under /api/v1/admin/departments. */
@IntegrationTest
class DepartmentAdminTest extends ReportTestSupport {

    SignedIn platform;
    SignedIn districtAdmin;

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-12-01T02:00:00Z"));
        setUpPeople();
        platform = users.with(Role.PLATFORM);
        districtAdmin = users.with(Role.DISTRICT_ADMIN, chain.district());
    }

    @AfterEach
    void resetClock() {
        clock.set(Instant.now());
    }

    MvcTestResult create(SignedIn who, String name, long... streets) {
        return post(who, "/api/v1/admin/departments", """
                {"name":"%s","kind":"HEATING","phone":"0432-62345678","streetIds":%s}
                """.formatted(name, Arrays.toString(streets)));
    }

    MvcTestResult patch(SignedIn who, long id, String json) {
        return mvc.patch().uri("/api/v1/admin/departments/" + id).header("Authorization", who.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    MvcTestResult delete(SignedIn who, String uri) {
        return mvc.delete().uri(uri).header("Authorization", who.bearer()).exchange();
    }

    static String unique(String name) {
        return name + System.nanoTime();
    }

    @Test
    void thePlatformCreatesListsAndChangesADepartmentAudited() {
        long otherStreet = regions.streetIn(chain.district());
        var created = create(platform, unique("吉林热力"), chain.street());

        assertThat(created).hasStatusOk();
        long id = idOf(created);
        assertThat(Http.<String>read(created, "$.data.kind")).isEqualTo("HEATING");
        var listed = get(platform, "/api/v1/admin/departments?streetId=" + chain.street());
        assertThat(Http.<List<Number>>read(listed, "$.data.items[*].id")).extracting(Number::longValue).containsExactly(id);

        var changed = patch(platform, id, "{\"active\":false,\"streetIds\":[" + chain.street() + "," + otherStreet + "]}");

        assertThat(changed).hasStatusOk();
        assertThat(Http.<Boolean>read(get(platform, "/api/v1/admin/departments/" + id), "$.data.active")).isFalse();
        assertThat(jdbc.queryForList("select street_id from department_street where department_id = ? order by street_id",
                Long.class, id)).containsExactly(chain.street(), otherStreet);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where target_type = 'department' and target_id = ?",
                Integer.class, String.valueOf(id))).isEqualTo(2);
    }

    @Test
    void aDistrictAdminManagesTheirDistrictsDepartmentsOnly() {
        long elsewhere = regions.chain().street();

        assertThat(create(districtAdmin, unique("城管中队"), chain.street())).hasStatusOk();
        var refused = create(districtAdmin, unique("跨区部门"), chain.street(), elsewhere);
        assertThat(refused).hasStatus(403);
        assertThat(Http.<Integer>read(refused, "$.code")).isEqualTo(60022);
        var unknown = create(platform, unique("无街道"), 999_999_999L);
        assertThat(unknown).hasStatus(400);
        assertThat(Http.<Integer>read(unknown, "$.code")).isEqualTo(60021);
    }

    @Test
    void aStreetAdminSeesThoseServingTheirStreetButChangesNothing() {
        SignedIn streetAdmin = users.with(Role.STREET_ADMIN, chain.street());
        SignedIn otherStreetAdmin = users.with(Role.STREET_ADMIN, regions.streetIn(chain.district()));
        long id = idOf(create(platform, unique("物业公司"), chain.street()));

        assertThat(Http.<List<Number>>read(get(streetAdmin, "/api/v1/admin/departments"), "$.data.items[*].id"))
                .extracting(Number::longValue).containsExactly(id);
        assertThat(get(otherStreetAdmin, "/api/v1/admin/departments/" + id)).hasStatus(404);
        assertThat(Http.<List<Object>>read(get(otherStreetAdmin, "/api/v1/admin/departments"), "$.data.items")).isEmpty();
        assertThat(patch(streetAdmin, id, "{\"active\":false}")).hasStatus(403);
    }

    @Test
    void aTakenNameIsRefused() {
        String name = unique("供水公司");
        create(platform, name, chain.street());

        var again = create(platform, name, chain.street());

        assertThat(again).hasStatus(409);
        assertThat(Http.<Integer>read(again, "$.code")).isEqualTo(60023);
    }

    @Test
    void membersAreGrantedAndRevokedTheDepartmentRoleAudited() {
        long id = idOf(create(districtAdmin, unique("派出所"), chain.street()));
        SignedIn person = users.resident();
        assertThat(get(person, "/api/v1/department/reports")).hasStatus(403);

        var added = post(districtAdmin, "/api/v1/admin/departments/" + id + "/members", "{\"userId\":" + person.id() + "}");

        assertThat(added).hasStatusOk();
        assertThat(Http.<List<Number>>read(added, "$.data[*].userId")).extracting(Number::longValue).containsExactly(person.id());
        assertThat(get(person, "/api/v1/department/reports")).as("holds from the next request").hasStatusOk();
        assertThat(Http.<List<Number>>read(get(districtAdmin, "/api/v1/admin/departments/" + id + "/members"),
                "$.data[*].userId")).extracting(Number::longValue).containsExactly(person.id());

        assertThat(delete(districtAdmin, "/api/v1/admin/departments/" + id + "/members/" + person.id())).hasStatusOk();
        assertThat(get(person, "/api/v1/department/reports")).hasStatus(403);
        var again = delete(districtAdmin, "/api/v1/admin/departments/" + id + "/members/" + person.id());
        assertThat(again).hasStatus(404);
        assertThat(Http.<Integer>read(again, "$.code")).isEqualTo(60028);
        assertThat(jdbc.queryForList("select action from audit_log where target_type = 'user' and target_id = ? order by id",
                String.class, String.valueOf(person.id()))).containsExactly("department.member.add", "department.member.remove");
    }
}
