package cn.doorstep.station;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.common.Role;
import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.MutableClock;
import cn.doorstep.support.SqlStatements;
import cn.doorstep.support.TestPlaces;
import cn.doorstep.support.TestRegions;
import cn.doorstep.support.TestStations;
import cn.doorstep.support.TestUsers.SignedIn;
import cn.doorstep.support.TestUsers;
import java.time.Instant;
import java.util.ArrayList;
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

/** Staff run their own stations' live status, and nobody else's. */
@IntegrationTest
class StationStaffTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestUsers users;
    @Autowired
    TestRegions regions;
    @Autowired
    TestStations stations;
    @Autowired
    MutableClock clock;
    @Autowired
    SqlStatements sql;
    @Autowired
    JdbcTemplate jdbc;

    double lat;
    double lng;
    StationDetail stationA;
    StationDetail stationB;
    SignedIn staffOfA;
    SignedIn admin;

    @BeforeEach
    void setUp() {
        var place = TestPlaces.next();
        lat = place.lat();
        lng = place.lng();
        clock.set(Instant.parse("2026-12-01T04:00:00Z")); // Tuesday 12:00 in China
        long community = regions.community();
        stationA = stations.at(community, lat, lng).named("A站").create();
        stationB = stations.at(community, lat + 0.001, lng).named("B站").create();
        admin = users.with(Role.ADMIN, community);
        SignedIn someone = users.resident();
        assertThat(mvc.post().uri("/api/v1/admin/stations/" + stationA.id() + "/staff").header("Authorization", admin.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"userId\":" + someone.id() + "}")).hasStatusOk();
        staffOfA = someone;
    }

    @AfterEach
    void resetClock() {
        clock.set(Instant.now());
    }

    @Test
    void staffSetTheLiveStatusTheMapShows() {
        assertThat(liveStatus(staffOfA, stationA.id(), "{\"status\":\"BUSY\",\"note\":\"微波炉坏了\"}")).hasStatusOk();

        var nearby = mvc.get().uri("/api/v1/stations/nearby?radius=50&lat=" + lat + "&lng=" + lng).exchange();
        assertThat(nearby).bodyJson().extractingPath("$.data.items[0].liveStatus").isEqualTo("BUSY");
        assertThat(nearby).bodyJson().extractingPath("$.data.items[0].liveNote").isEqualTo("微波炉坏了");
        assertThat(nearby).bodyJson().extractingPath("$.data.items[0].openNow").isEqualTo(true);
        assertThat(nearby).bodyJson().extractingPath("$.data.items[0].liveUpdatedAt").isEqualTo("2026-12-01T04:00:00Z");
    }

    @Test
    void closedTodayTakesTheStationOutOfOpenNow() {
        liveStatus(staffOfA, stationA.id(), "{\"status\":\"CLOSED_TODAY\"}");

        var open = mvc.get().uri("/api/v1/stations/nearby?radius=500&openNow=true&lat=" + lat + "&lng=" + lng).exchange();
        assertThat(Http.<java.util.List<Number>>read(open, "$.data.items[*].id")).extracting(Number::longValue)
                .containsExactly(stationB.id());
    }

    @Test
    void staffOfStationACannotChangeStationB() {
        assertThat(liveStatus(staffOfA, stationB.id(), "{\"status\":\"FULL\"}")).hasStatus(HttpStatus.FORBIDDEN)
                .bodyJson().extractingPath("$.code").isEqualTo(20002);
        assertThat(mvc.get().uri("/api/v1/staff/stations/" + stationB.id() + "/checkin-code")
                .header("Authorization", staffOfA.bearer())).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void aResidentIsNotStaff() {
        assertThat(liveStatus(users.resident(), stationA.id(), "{\"status\":\"FULL\"}"))
                .hasStatus(HttpStatus.FORBIDDEN).bodyJson().extractingPath("$.code").isEqualTo(10300);
        assertThat(Http.<String>read(mvc.get().uri("/api/v1/stations/" + stationA.id()).exchange(),
                "$.data.station.liveStatus")).isNotEqualTo("FULL");
    }

    @Test
    void staffSeeTheirStationsAndItsCheckinCode() {
        assertThat(mvc.get().uri("/api/v1/staff/stations").header("Authorization", staffOfA.bearer()))
                .hasStatusOk().bodyJson().extractingPath("$.data[*].id").asArray().containsExactly((int) stationA.id());
        assertThat(mvc.get().uri("/api/v1/staff/stations/" + stationA.id() + "/checkin-code")
                .header("Authorization", staffOfA.bearer())).hasStatusOk()
                .bodyJson().extractingPath("$.data.code").asString()
                .matches(stationA.id() + "\\.\\d+\\.[A-Za-z0-9_-]{12}");
        assertThat(mvc.get().uri("/api/v1/staff/stations/" + stationA.id() + "/checkin-code")
                .header("Authorization", staffOfA.bearer())).bodyJson().extractingPath("$.data.refreshAt").isNotNull();
    }

    @Test
    void anUnknownLiveStatusIsRejected() {
        assertThat(liveStatus(staffOfA, stationA.id(), "{\"status\":\"PARTY\"}")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.data.errors[0].field").isEqualTo("status");
    }

    @Test
    void removedStaffLoseTheStation() {
        assertThat(mvc.delete().uri("/api/v1/admin/stations/" + stationA.id() + "/staff/" + staffOfA.id())
                .header("Authorization", admin.bearer())).hasStatusOk();

        assertThat(liveStatus(staffOfA, stationA.id(), "{\"status\":\"OPEN\"}")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(jdbc.queryForObject("select count(*) from user_role where user_id = ? and role = 'STAFF'",
                Integer.class, staffOfA.id())).isZero();
        assertThat(mvc.get().uri("/api/v1/admin/stations/" + stationA.id() + "/staff").header("Authorization",
                admin.bearer())).bodyJson().extractingPath("$.data.total").isEqualTo(0);
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult liveStatus(SignedIn who, long stationId, String json) {
        return mvc.put().uri("/api/v1/staff/stations/" + stationId + "/live-status").header("Authorization", who.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    @Test
    void theAdminsStaffListRunsAsManyStatementsForSixStaffAsForOneAndIsPaged() {
        String uri = "/api/v1/admin/stations/" + stationA.id() + "/staff";
        List<String> one = statementsOf(uri);

        List<Long> ids = new ArrayList<>(List.of(staffOfA.id()));
        for (int i = 0; i < 5; i++) {
            SignedIn another = users.resident();
            ids.add(another.id());
            assertThat(mvc.post().uri(uri).header("Authorization", admin.bearer()).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"userId\":" + another.id() + "}")).hasStatusOk();
        }
        List<String> six = statementsOf(uri);

        assertThat(six).as("1 staff: %s%n6 staff: %s", one, six).hasSameSizeAs(one);
        MvcTestResult page = mvc.get().uri(uri + "?page=2&size=4").header("Authorization", admin.bearer()).exchange();
        assertThat(Http.<Integer>read(page, "$.data.total")).isEqualTo(6);
        assertThat(Http.<List<Number>>read(page, "$.data.items[*].userId")).extracting(Number::longValue)
                .containsExactlyElementsOf(ids.stream().sorted().skip(4).toList());
    }

    private List<String> statementsOf(String uri) {
        assertThat(mvc.get().uri(uri).header("Authorization", admin.bearer())).hasStatusOk();
        return sql.during(() -> assertThat(mvc.get().uri(uri).header("Authorization", admin.bearer())).hasStatusOk());
    }
}
