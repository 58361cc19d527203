package cn.doorstep.station;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.audit.AuditLog;
import cn.doorstep.common.Role;
import cn.doorstep.common.Zones;
import cn.doorstep.station.internal.StationDetails;
import cn.doorstep.station.internal.StationKeys;
import cn.doorstep.station.map.StationFacets;
import cn.doorstep.station.map.StationIndex;
import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.MutableClock;
import cn.doorstep.support.Parallel;
import cn.doorstep.support.SqlStatements;
import cn.doorstep.support.TestPlaces;
import cn.doorstep.support.TestRegions;
import cn.doorstep.support.TestUsers.SignedIn;
import cn.doorstep.support.TestUsers;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Admins manage their community's stations; MySQL, the GEO index and the cache stay in step. */
@IntegrationTest
class StationAdminTest {

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
    StationDetails details;
    @Autowired
    StationIndex index;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    MutableClock clock;
    @Autowired
    SqlStatements sql;

    double lat;
    double lng;
    long community;
    SignedIn admin;

    @BeforeEach
    void setUp() {
        var place = TestPlaces.next();
        lat = place.lat();
        lng = place.lng();
        community = regions.community();
        admin = users.with(Role.ADMIN, community);
    }

    @Test
    void createsAStationThatTheMapFindsAndAudits() {
        MvcTestResult created = create(body(lat, lng, "[\"WATER\",\"CHARGING\"]"));

        assertThat(created).hasStatus(HttpStatus.CREATED);
        long id = id(created);
        assertThat(nearbyIds(lat, lng)).contains(id);
        assertThat(mvc.get().uri("/api/v1/stations/" + id)).hasStatusOk()
                .bodyJson().extractingPath("$.data.station.amenities").asArray().containsExactlyInAnyOrder("WATER", "CHARGING");
        assertThat(audit.of("station", id)).extracting(AuditLog.Entry::action).containsExactly("station.create");
        assertThat(Http.body(created)).doesNotContain("checkinCode");
    }

    @Test
    void movingAStationMovesItOnTheMap() {
        long id = id(create(body(lat, lng, "[]")));

        assertThat(update(id, body(lat + 0.2, lng, "[]"))).hasStatusOk();

        assertThat(nearbyIds(lat, lng)).doesNotContain(id);
        assertThat(nearbyIds(lat + 0.2, lng)).contains(id);
    }

    @Test
    void anUpdateIsVisibleAtOnceThroughTheCache() {
        long id = id(create(body(lat, lng, "[\"WATER\"]")));
        assertThat(mvc.get().uri("/api/v1/stations/" + id)).hasStatusOk(); // now cached

        update(id, body(lat, lng, "[\"WATER\",\"MICROWAVE\"]"));

        assertThat(mvc.get().uri("/api/v1/stations/" + id)).bodyJson().extractingPath("$.data.station.amenities")
                .asArray().contains("MICROWAVE");
        assertThat(nearbyIds(lat, lng, "amenities=MICROWAVE")).containsExactly(id);
    }

    @Test
    void aClosedStationLeavesTheMapButKeepsItsPage() {
        long id = id(create(body(lat, lng, "[]")));

        assertThat(post("/api/v1/admin/stations/" + id + "/close")).hasStatusOk();

        assertThat(nearbyIds(lat, lng)).doesNotContain(id);
        assertThat(mvc.get().uri("/api/v1/stations/" + id)).hasStatusOk()
                .bodyJson().extractingPath("$.data.station.status").isEqualTo("CLOSED");

        assertThat(post("/api/v1/admin/stations/" + id + "/reopen")).hasStatusOk();
        assertThat(nearbyIds(lat, lng)).contains(id);
    }

    @Test
    void aDeletedStationIsGone() {
        long id = id(create(body(lat, lng, "[]")));

        assertThat(mvc.delete().uri("/api/v1/admin/stations/" + id).header("Authorization", admin.bearer())).hasStatusOk();

        assertThat(nearbyIds(lat, lng)).doesNotContain(id);
        assertThat(mvc.get().uri("/api/v1/stations/" + id)).hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson().extractingPath("$.code").isEqualTo(20001);
    }

    @Test
    void concurrentEditsEitherWinOrGetA409AndTheIndexFollowsTheWinner() {
        long id = id(create(body(lat, lng, "[]")));

        List<Integer> statuses = Parallel.run(8, 8, i -> update(id, body(lat + 0.01 * (i + 1), lng, "[]"))
                .getResponse().getStatus());

        assertThat(statuses).allMatch(s -> s == 200 || s == 409).contains(200);
        double finalLat = Http.<Double>read(mvc.get().uri("/api/v1/stations/" + id).exchange(), "$.data.station.lat");
        assertThat(nearbyIds(finalLat, lng, "radius=50")).containsExactly(id);
    }

    @Test
    void aPutClearsWhatItLeavesOut() {
        long id = id(create("""
                {"name":"党群服务站","kinds":["SERVICE"],"serviceLevel":"COMMUNITY","communityId":%d,"address":"吉林大街1号",
                 "lat":%s,"lng":%s,"phone":"0432-1234567","intro":"欢迎","weeklyHours":[]}
                """.formatted(community, lat, lng)));

        assertThat(update(id, body(lat, lng, "[]"))).hasStatusOk();

        var saved = jdbc.queryForMap("select kinds, service_level, phone, intro from station where id = ?", id);
        assertThat(saved.get("kinds")).isEqualTo("WARM");
        assertThat(saved.get("service_level")).isNull();
        assertThat(saved.get("phone")).isNull();
        assertThat(saved.get("intro")).isNull();
        assertThat(mvc.get().uri("/api/v1/stations/" + id)).bodyJson().extractingPath("$.data.station.phone").isNull();
    }

    @Test
    void anHoursExceptionIsANewVersionThatALateIndexWriteCannotUndo() {
        long id = id(create(body(lat, lng, "[]")));
        StationDetail beforeTheEdit = details.get(id);
        LocalDate tomorrow = LocalDate.now(clock.withZone(Zones.CHINA)).plusDays(1);

        assertThat(mvc.put().uri("/api/v1/admin/stations/" + id + "/hours/exceptions/" + tomorrow)
                .header("Authorization", admin.bearer()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"closed\":true,\"note\":\"盘点\"}")).hasStatusOk();
        assertThat(jdbc.queryForObject("select version from station where id = ?", Long.class, id))
                .isEqualTo(beforeTheEdit.version() + 1);

        index.apply(beforeTheEdit); // a rebuild that read the station before the edit, arriving late
        StationFacets facets = StationFacets.decode((String) redis.opsForHash().get(StationKeys.FACETS, String.valueOf(id)));
        assertThat(facets.schedule().exceptions()).containsKey(tomorrow);
    }

    @Test
    void newWeeklyHoursReplaceTheOldOnesAndTheStationsPageShowsThem() {
        long id = id(create(body(lat, lng, "[]").replace("\"weeklyHours\":[]",
                "\"weeklyHours\":[{\"day\":1,\"opens\":\"08:00\",\"closes\":\"12:00\"}]")));

        MvcTestResult replaced = mvc.put().uri("/api/v1/admin/stations/" + id + "/hours")
                .header("Authorization", admin.bearer()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"weeklyHours":[{"day":2,"opens":"09:00","closes":"17:00"},{"day":6,"opens":"20:00","closes":"02:00"}],
                         "holidayPolicy":"FOLLOW_CALENDAR"}
                        """).exchange();

        assertThat(replaced).hasStatusOk();
        MvcTestResult page = mvc.get().uri("/api/v1/stations/" + id).exchange();
        assertThat(Http.<List<Integer>>read(page, "$.data.station.weeklyHours[*].day")).containsExactly(2, 6);
        assertThat(Http.<List<String>>read(page, "$.data.station.weeklyHours[*].closes")).containsExactly("17:00", "02:00");
        assertThat(Http.<String>read(page, "$.data.station.holidayPolicy")).isEqualTo("FOLLOW_CALENDAR");
        assertThat(jdbc.queryForObject("select holiday_policy from station where id = ?", String.class, id))
                .isEqualTo("FOLLOW_CALENDAR");
        assertThat(details.get(id).weeklyHours()).extracting(w -> w.day() + " " + w.opens() + "-" + w.closes())
                .containsExactly("2 09:00-17:00", "6 20:00-02:00");
        assertThat(audit.of("station", id)).extracting(AuditLog.Entry::action).contains("station.hours");
    }

    @Test
    void aRemovedHoursExceptionIsGoneFromThePageAndTheTableAndASecondRemovalIsNotFound() {
        long id = id(create(body(lat, lng, "[]")));
        LocalDate tomorrow = LocalDate.now(clock.withZone(Zones.CHINA)).plusDays(1);
        String uri = "/api/v1/admin/stations/" + id + "/hours/exceptions/" + tomorrow;
        assertThat(mvc.put().uri(uri).header("Authorization", admin.bearer()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"closed\":false,\"opens\":\"10:00\",\"closes\":\"14:00\"}")).hasStatusOk();
        assertThat(Http.<List<String>>read(mvc.get().uri("/api/v1/stations/" + id).exchange(),
                "$.data.station.exceptions[*].date")).containsExactly(tomorrow.toString());

        assertThat(mvc.delete().uri(uri).header("Authorization", admin.bearer())).hasStatusOk()
                .bodyJson().extractingPath("$.data.exceptions").asArray().isEmpty();

        assertThat(Http.<List<String>>read(mvc.get().uri("/api/v1/stations/" + id).exchange(),
                "$.data.station.exceptions")).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from station_hours_exception where station_id = ?",
                Integer.class, id)).isZero();
        assertThat(mvc.delete().uri(uri).header("Authorization", admin.bearer())).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void theAdminsListHoldsTheCommunitysStationsClosedOnesIncludedPagedWithTheSameStatementsForSixAsForOne() {
        long first = id(create(body(lat, lng, "[]")));
        String uri = "/api/v1/admin/stations?communityId=" + community;
        assertThat(mvc.get().uri(uri).header("Authorization", admin.bearer())).hasStatusOk();
        List<String> one = sql.during(() -> assertThat(mvc.get().uri(uri).header("Authorization", admin.bearer()))
                .hasStatusOk());

        List<Long> ids = new java.util.ArrayList<>(List.of(first));
        for (int i = 1; i < 6; i++) {
            ids.add(id(create(body(lat + 0.001 * i, lng, "[]"))));
        }
        assertThat(post("/api/v1/admin/stations/" + ids.get(5) + "/close")).hasStatusOk();
        List<String> six = sql.during(() -> assertThat(mvc.get().uri(uri).header("Authorization", admin.bearer()))
                .hasStatusOk());

        assertThat(six).as("1 station: %s%n6 stations: %s", one, six).hasSameSizeAs(one);
        MvcTestResult page = mvc.get().uri(uri + "&page=2&size=4").header("Authorization", admin.bearer()).exchange();
        assertThat(Http.<Integer>read(page, "$.data.total")).isEqualTo(6);
        assertThat(Http.<List<Number>>read(page, "$.data.items[*].id")).extracting(Number::longValue)
                .containsExactlyElementsOf(ids.subList(4, 6));
        assertThat(Http.<List<String>>read(page, "$.data.items[*].status")).containsExactly("ACTIVE", "CLOSED");
        SignedIn otherAdmin = users.with(Role.ADMIN, regions.community());
        assertThat(mvc.get().uri(uri).header("Authorization", otherAdmin.bearer())).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void anHoursExceptionMustBeWithinTheComingYear() {
        long id = id(create(body(lat, lng, "[]")));
        LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));

        for (LocalDate date : List.of(today.minusDays(1), today.plusDays(400))) {
            assertThat(mvc.put().uri("/api/v1/admin/stations/" + id + "/hours/exceptions/" + date)
                    .header("Authorization", admin.bearer()).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"closed\":true}")).hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyJson().extractingPath("$.data.errors[0].field").isEqualTo("date");
        }
        assertThat(jdbc.queryForObject("select count(*) from station_hours_exception where station_id = ?",
                Integer.class, id)).isZero();
    }

    @Test
    void theAuditTrailHoldsIdsNotTheStationsText() {
        long id = id(create(body(lat, lng, "[]")));
        update(id, body(lat, lng, "[]").replace("暖新驿站", "改名驿站"));

        assertThat(audit.of("station", id)).extracting(AuditLog.Entry::detail).containsOnlyNulls();
    }

    @Nested
    class Scope {

        @Test
        void anAdminOfAnotherCommunityCannotCreateHere() {
            SignedIn stranger = users.with(Role.ADMIN, regions.community());

            assertThat(mvc.post().uri("/api/v1/admin/stations").header("Authorization", stranger.bearer())
                    .contentType(MediaType.APPLICATION_JSON).content(body(lat, lng, "[]")))
                    .hasStatus(HttpStatus.FORBIDDEN).bodyJson().extractingPath("$.code").isEqualTo(20003);
            assertThat(jdbc.queryForObject("select count(*) from station where community_id = ?", Integer.class,
                    community)).isZero();
        }

        @Test
        void anAdminOfAnotherCommunityCannotChangeOurStationNorLearnItExists() {
            long id = id(create(body(lat, lng, "[]")));
            SignedIn stranger = users.with(Role.ADMIN, regions.community());

            assertThat(mvc.post().uri("/api/v1/admin/stations/" + id + "/close")
                    .header("Authorization", stranger.bearer())).hasStatus(HttpStatus.NOT_FOUND);
            assertThat(jdbc.queryForObject("select status from station where id = ?", String.class, id))
                    .isEqualTo("ACTIVE");
            assertThat(nearbyIds(lat, lng)).contains(id);
        }

        @Test
        void aResidentCannotUseAdminPaths() {
            assertThat(mvc.post().uri("/api/v1/admin/stations").header("Authorization", users.resident().bearer())
                    .contentType(MediaType.APPLICATION_JSON).content(body(lat, lng, "[]")))
                    .hasStatus(HttpStatus.FORBIDDEN).bodyJson().extractingPath("$.code").isEqualTo(10300);
        }
    }

    @Nested
    class RejectsBadStations {

        @Test
        void coordinatesOutsideChina() {
            assertThat(create(body(60.0, lng, "[]"))).hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyJson().extractingPath("$.data.errors[0].field").isEqualTo("lat");
        }

        @Test
        void aNameOfFullWidthSpacesOrWithABidiOverride() {
            for (String name : List.of("\u3000\u3000", "驿站\u202E站驿", "驿站\u0007")) {
                assertThat(create(body(lat, lng, "[]").replace("暖新驿站", name))).hasStatus(HttpStatus.BAD_REQUEST)
                        .bodyJson().extractingPath("$.data.errors[0].field").isEqualTo("name");
            }
        }

        @Test
        void anUnknownAmenity() {
            assertThat(create(body(lat, lng, "[\"WATER\",\"SAUNA\"]"))).hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyJson().extractingPath("$.data.errors[0].field").asString().startsWith("amenities");
        }

        @Test
        void overlappingOpeningHours() {
            String hours = "[{\"day\":1,\"opens\":\"08:00\",\"closes\":\"12:00\"},{\"day\":1,\"opens\":\"11:00\",\"closes\":\"14:00\"}]";
            assertThat(create(body(lat, lng, "[]").replace("\"weeklyHours\":[]", "\"weeklyHours\":" + hours)))
                    .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.code").isEqualTo(20004);
        }

        @Test
        void anOvernightWindowRunningIntoTheNextDaysWindow() {
            String hours = "[{\"day\":1,\"opens\":\"20:00\",\"closes\":\"03:00\"},{\"day\":2,\"opens\":\"02:00\",\"closes\":\"10:00\"}]";
            assertThat(create(body(lat, lng, "[]").replace("\"weeklyHours\":[]", "\"weeklyHours\":" + hours)))
                    .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.code").isEqualTo(20004);
        }

        @Test
        void aBadTimeOfDay() {
            String hours = "[{\"day\":1,\"opens\":\"8am\",\"closes\":\"12:00\"}]";
            assertThat(create(body(lat, lng, "[]").replace("\"weeklyHours\":[]", "\"weeklyHours\":" + hours)))
                    .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.data.errors[0].field")
                    .isEqualTo("weeklyHours[0].opens");
        }

        @Test
        void aServiceStationWithoutItsLevel() {
            assertThat(create(body(lat, lng, "[]").replace("[\"WARM\"]", "[\"SERVICE\"]")))
                    .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.code").isEqualTo(20006);
        }

        @Test
        void anUnknownCommunity() {
            SignedIn adminOfNowhere = users.with(Role.ADMIN, 987_654_321L);
            assertThat(mvc.post().uri("/api/v1/admin/stations").header("Authorization", adminOfNowhere.bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body(lat, lng, "[]").replace("\"communityId\":" + community, "\"communityId\":987654321")))
                    .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.code").isEqualTo(13002);
        }
    }

    String body(double lat, double lng, String amenities) {
        return """
                {"name":"暖新驿站","kinds":["WARM"],"communityId":%d,"address":"吉林大街1号","lat":%s,"lng":%s,
                 "amenities":%s,"weeklyHours":[],"holidayPolicy":"IGNORE_CALENDAR"}
                """.formatted(community, lat, lng, amenities);
    }

    MvcTestResult create(String json) {
        return mvc.post().uri("/api/v1/admin/stations").header("Authorization", admin.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    MvcTestResult update(long id, String json) {
        return mvc.put().uri("/api/v1/admin/stations/" + id).header("Authorization", admin.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    MvcTestResult post(String path) {
        return mvc.post().uri(path).header("Authorization", admin.bearer()).exchange();
    }

    List<Long> nearbyIds(double lat, double lng) {
        return nearbyIds(lat, lng, "");
    }

    List<Long> nearbyIds(double lat, double lng, String extra) {
        List<Number> ids = Http.read(mvc.get().uri("/api/v1/stations/nearby?radius=500&lat=" + lat + "&lng=" + lng
                + (extra.isEmpty() ? "" : "&" + extra)).exchange(), "$.data.items[*].id");
        return ids.stream().map(Number::longValue).toList();
    }

    static long id(MvcTestResult result) {
        return Http.<Number>read(result, "$.data.id").longValue();
    }
}
