package cn.doorstep.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.common.Role;
import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.MutableClock;
import cn.doorstep.support.TestRegions.Chain;
import cn.doorstep.support.TestRegions;
import cn.doorstep.support.TestUsers.SignedIn;
import cn.doorstep.support.TestUsers;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The audit log as admins read it over HTTP: rows carry the community the action was in, a street
 * admin reads their street's and not the neighbouring street's, a platform admin reads every row.
 */
@IntegrationTest
class AuditReaderTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestUsers users;
    @Autowired
    TestRegions regions;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;

    Chain home;
    long secondOfStreet;
    long neighbour;
    SignedIn homeAdmin;
    SignedIn secondAdmin;
    SignedIn neighbourAdmin;

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-12-03T02:00:00Z"));
        home = regions.chain();
        secondOfStreet = regions.communityIn(home.street());
        neighbour = regions.communityIn(regions.streetIn(home.district()));
        homeAdmin = users.with(Role.ADMIN, home.community());
        secondAdmin = users.with(Role.ADMIN, secondOfStreet);
        neighbourAdmin = users.with(Role.ADMIN, neighbour);
    }

    @AfterEach
    void resetClock() {
        clock.set(Instant.now());
    }

    @Test
    void anAdminsActionIsRecordedWithItsCommunityAndReadBackByThatCommunitysAdmin() {
        assertThat(setPolicy(homeAdmin, home.community())).hasStatusOk();

        var saved = jdbc.queryForMap("select community_id, action, target_id from audit_log where actor_id = ?",
                homeAdmin.id());
        assertThat(saved.get("community_id")).isEqualTo(home.community());
        assertThat(saved.get("action")).isEqualTo("wish.policy");

        MvcTestResult read = get(homeAdmin, "/api/v1/admin/audit?actorId=" + homeAdmin.id());
        assertThat(read).hasStatusOk();
        assertThat(Http.<Integer>read(read, "$.data.total")).isEqualTo(1);
        assertThat(Http.<String>read(read, "$.data.items[0].action")).isEqualTo("wish.policy");
        assertThat(Http.<String>read(read, "$.data.items[0].targetId")).isEqualTo(String.valueOf(home.community()));
        assertThat(Http.<Number>read(read, "$.data.items[0].communityId").longValue()).isEqualTo(home.community());
        assertThat(Http.<String>read(read, "$.data.items[0].at")).isEqualTo("2026-12-03T02:00:00Z");
    }

    @Test
    void aStreetAdminReadsTheRowsOfEveryCommunityOfTheirStreetAndNoneOfTheNeighbouringStreet() {
        setPolicy(homeAdmin, home.community());
        setPolicy(secondAdmin, secondOfStreet);
        setPolicy(neighbourAdmin, neighbour);
        SignedIn streetAdmin = users.with(Role.STREET_ADMIN, home.street());

        assertThat(actionsOf(streetAdmin, "action=wish.policy&targetType=community"))
                .containsExactlyInAnyOrder(home.community(), secondOfStreet);
        assertThat(actionsOf(streetAdmin, "communityId=" + neighbour)).isEmpty();
        assertThat(actionsOf(neighbourAdmin, "action=wish.policy&targetType=community")).containsExactly(neighbour);
        assertThat(actionsOf(homeAdmin, "action=wish.policy&targetType=community")).containsExactly(home.community());
        SignedIn districtAdmin = users.with(Role.DISTRICT_ADMIN, home.district());
        assertThat(actionsOf(districtAdmin, "action=wish.policy&targetType=community"))
                .containsExactlyInAnyOrder(home.community(), secondOfStreet, neighbour);
    }

    @Test
    void rowsWithoutACommunityAreReadByPlatformAdminsOnly() {
        SignedIn platform = users.with(Role.PLATFORM);
        String target = "t" + System.nanoTime();
        audit.record(platform.id(), "test.no-community", "test", target, null);
        audit.record(platform.id(), home.community(), "test.community", "test", target, null);

        assertThat(targets(platform, "targetType=test&targetId=" + target)).containsExactly("test.community",
                "test.no-community");
        assertThat(targets(homeAdmin, "targetType=test&targetId=" + target)).containsExactly("test.community");
        assertThat(targets(neighbourAdmin, "targetType=test&targetId=" + target)).isEmpty();
    }

    @Test
    void theDatesAreChinaDatesWithBothEndsIncluded() {
        String target = "d" + System.nanoTime();
        clock.set(Instant.parse("2026-12-01T15:59:00Z")); // 23:59 on 1 December in China
        audit.record(homeAdmin.id(), home.community(), "test.first", "test", target, null);
        clock.set(Instant.parse("2026-12-01T16:00:00Z")); // 00:00 on 2 December
        audit.record(homeAdmin.id(), home.community(), "test.second", "test", target, null);
        clock.set(Instant.parse("2026-12-03T15:59:59Z"));
        audit.record(homeAdmin.id(), home.community(), "test.third", "test", target, null);

        String of = "targetType=test&targetId=" + target;
        assertThat(targets(homeAdmin, of + "&from=2026-12-02")).containsExactly("test.third", "test.second");
        assertThat(targets(homeAdmin, of + "&to=2026-12-01")).containsExactly("test.first");
        assertThat(targets(homeAdmin, of + "&from=2026-12-02&to=2026-12-02")).containsExactly("test.second");
        assertThat(targets(homeAdmin, of + "&action=test.third")).containsExactly("test.third");
    }

    @Test
    void residentsAndStaffCannotReadTheLogAndAMalformedFilterIsNamed() {
        assertThat(get(users.resident(), "/api/v1/admin/audit")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(get(users.with(Role.STAFF, 1), "/api/v1/admin/audit")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(get(homeAdmin, "/api/v1/admin/audit?from=2026-13-01")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.data.errors[0].field").isEqualTo("from");
    }

    private MvcTestResult setPolicy(SignedIn admin, long community) {
        return mvc.put().uri("/api/v1/admin/wishes/policies/" + community).header("Authorization", admin.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"reviewAll\":true}").exchange();
    }

    private List<Long> actionsOf(SignedIn reader, String query) {
        MvcTestResult read = get(reader, "/api/v1/admin/audit?size=50&" + query);
        assertThat(read).hasStatusOk();
        List<Number> communities = Http.read(read, "$.data.items[*].communityId");
        return communities.stream().map(Number::longValue).toList();
    }

    private List<String> targets(SignedIn reader, String query) {
        MvcTestResult read = get(reader, "/api/v1/admin/audit?size=50&" + query);
        assertThat(read).hasStatusOk();
        return Http.read(read, "$.data.items[*].action");
    }

    private MvcTestResult get(SignedIn who, String uri) {
        return mvc.get().uri(uri).header("Authorization", who.bearer()).exchange();
    }
}
