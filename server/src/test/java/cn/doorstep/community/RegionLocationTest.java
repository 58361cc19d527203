package cn.doorstep.community;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.common.Role;
import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.TestRegions;
import cn.doorstep.support.TestUsers;
import cn.doorstep.support.TestUsers.SignedIn;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Admins place their grids and communities (centroid and households); what they save reads back, audited. */
@IntegrationTest
class RegionLocationTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestUsers users;
    @Autowired
    TestRegions regions;
    @Autowired
    JdbcTemplate jdbc;

    long community;
    long street;
    long grid;
    SignedIn admin;

    @BeforeEach
    void setUp() {
        var chain = regions.chain();
        community = chain.community();
        street = chain.street();
        jdbc.update("INSERT INTO grid (community_id, name) VALUES (?, '第1网格')", community);
        grid = jdbc.queryForObject("SELECT id FROM grid WHERE community_id = ?", Long.class, community);
        admin = users.with(Role.ADMIN, community);
    }

    private MvcTestResult put(SignedIn who, String path, String body) {
        return mvc.put().uri("/api/v1/admin/" + path + "/location").header("Authorization", who.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    private MvcTestResult get(SignedIn who, String path) {
        return mvc.get().uri("/api/v1/admin/" + path + "/location").header("Authorization", who.bearer()).exchange();
    }

    @Test
    void anAdminPlacesTheirGridAndReadsItBackRoundedToSevenDecimals() {
        assertThat((Object) Http.read(get(admin, "grids/" + grid), "$.data.lat")).isNull();
        MvcTestResult saved = put(admin, "grids/" + grid, "{\"lat\":43.843612345678,\"lng\":126.5496,\"households\":420}");
        assertThat(saved).hasStatusOk();
        MvcTestResult read = get(admin, "grids/" + grid);
        assertThat(Http.body(read)).isEqualTo(Http.body(saved));
        assertThat((Double) Http.read(read, "$.data.lat")).isEqualTo(43.8436123);
        assertThat((Integer) Http.read(read, "$.data.households")).isEqualTo(420);
        Map<String, Object> row = jdbc.queryForMap("SELECT lat, lng, households FROM grid WHERE id = ?", grid);
        assertThat((BigDecimal) row.get("lat")).isEqualByComparingTo("43.8436123");
        assertThat((BigDecimal) row.get("lng")).isEqualByComparingTo("126.5496000");
        assertThat(row.get("households")).isEqualTo(420);
        assertThat(jdbc.queryForObject("SELECT detail FROM audit_log WHERE action = 'grid.location' AND target_id = ?",
                String.class, String.valueOf(grid))).isEqualTo("location set; households 420").doesNotContain("43.8");
    }

    @Test
    void householdsMayBeUnknownAndAPutReplacesThem() {
        put(admin, "grids/" + grid, "{\"lat\":43.84,\"lng\":126.55,\"households\":300}");
        assertThat(put(admin, "grids/" + grid, "{\"lat\":43.85,\"lng\":126.56,\"households\":null}")).hasStatusOk();
        assertThat(jdbc.queryForObject("SELECT households FROM grid WHERE id = ?", Integer.class, grid)).isNull();
        assertThat((Double) Http.read(get(admin, "grids/" + grid), "$.data.lat")).isEqualTo(43.85);
    }

    @Test
    void streetAndPlatformAdminsPlaceCommunities() {
        SignedIn streetAdmin = users.with(Role.STREET_ADMIN, street);
        assertThat(put(streetAdmin, "communities/" + community, "{\"lat\":43.86,\"lng\":126.57,\"households\":2400}"))
                .hasStatusOk();
        assertThat((Integer) Http.read(get(users.with(Role.PLATFORM), "communities/" + community), "$.data.households"))
                .isEqualTo(2400);
        assertThat((String) Http.read(get(admin, "communities/" + community), "$.data.level")).isEqualTo("COMMUNITY");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'community.location' AND target_id = ?",
                Integer.class, String.valueOf(community))).isEqualTo(1);
    }

    @Nested
    class Refusals {

        @Test
        void anotherCommunitysAdminIsToldNoSuchGrid() {
            SignedIn other = users.with(Role.ADMIN, regions.community());
            MvcTestResult r = put(other, "grids/" + grid, "{\"lat\":43.84,\"lng\":126.55,\"households\":1}");
            assertThat(r).hasStatus(HttpStatus.NOT_FOUND);
            assertThat((Integer) Http.read(r, "$.code")).isEqualTo(13005);
            assertThat(get(other, "communities/" + community)).hasStatus(HttpStatus.NOT_FOUND);
            assertThat(jdbc.queryForObject("SELECT lat FROM grid WHERE id = ?", BigDecimal.class, grid)).isNull();
        }

        @Test
        void aResidentIsForbidden() {
            assertThat(put(users.resident(), "grids/" + grid, "{\"lat\":43.84,\"lng\":126.55}")).hasStatus(HttpStatus.FORBIDDEN);
        }

        @Test
        void outOfRangeValuesAreRefusedNamingTheFieldAndNothingIsWritten() {
            int audits = jdbc.queryForObject("SELECT COUNT(*) FROM audit_log", Integer.class);
            for (var c : Map.of("{\"lat\":91,\"lng\":126.55}", "lat", "{\"lat\":43.84,\"lng\":12}", "lng",
                    "{\"lng\":126.55}", "lat", "{\"lat\":43.84,\"lng\":126.55,\"households\":-1}", "households").entrySet()) {
                MvcTestResult r = put(admin, "grids/" + grid, c.getKey());
                assertThat(r).as(c.getKey()).hasStatus(HttpStatus.BAD_REQUEST);
                assertThat(Http.body(r)).as(c.getKey()).contains("\"" + c.getValue() + "\"");
            }
            assertThat(jdbc.queryForObject("SELECT lat FROM grid WHERE id = ?", BigDecimal.class, grid)).isNull();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log", Integer.class)).isEqualTo(audits);
        }
    }
}
