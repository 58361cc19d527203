package cn.doorstep.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.doorstep.common.Role;
import cn.doorstep.station.StationDetail;
import cn.doorstep.station.StationKind;
import cn.doorstep.station.hours.HolidayPolicy;
import cn.doorstep.station.hours.WeeklyRule;
import cn.doorstep.station.internal.StationKeys;
import cn.doorstep.station.map.StationIndex;
import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.MutableClock;
import cn.doorstep.support.TestPlaces;
import cn.doorstep.support.TestRegions;
import cn.doorstep.support.TestStations;
import cn.doorstep.support.TestUsers;
import cn.doorstep.support.TestUsers.SignedIn;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.minidev.json.JSONArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The 15-minute service circle of a seeded district: two streets, three communities, seven grids and five
 * stations a few kilometres apart on a patch of map no other test uses. Radius 1,000 m.
 * <ul>
 * <li>A: service, open round the clock, at the patch's centre; B: service, Monday–Friday 09:00–17:00, follows
 * the holiday calendar, 3 km east; C: service, 18:00–22:00 daily, 6 km east; W: warm only (no 便民服务站),
 * 9 km east; D: service, Sundays 09:00–17:00 only, follows the calendar (so it opens on a public holiday), 3 km
 * north.</li>
 * <li>g1 (c1, 500 households) 300 m from A; g2 (c1, 800) 400 m from B; g3 (c2, 300) 200 m from C; g4 (c2,
 * households unknown) 100 m from W; g5 (c3, 1000) 500 m from D; g6 (c3, 200) not placed; g7 (c1, 50) 12 km
 * south.</li>
 * </ul>
 * Moments: Monday 2026-09-28 10:30 China (now), 19:30 the same day (evening), and 2026-10-01 10:00 (国庆节, the
 * first holiday of the seeded calendar from that Monday).
 */
@IntegrationTest
class CoverageTest {

    static final double M_PER_DEGREE = Math.toRadians(1) * PointIndexTest.EARTH;

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
    JdbcTemplate jdbc;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    StationIndex index;

    double lat0;
    double lng0;
    long district;
    long street1;
    long street2;
    long c1;
    long c2;
    long c3;
    SignedIn platform;
    final Map<String, Long> grid = new LinkedHashMap<>();
    final Map<String, double[]> place = new LinkedHashMap<>();
    final Map<String, Long> station = new LinkedHashMap<>();
    final Map<String, double[]> stationAt = new LinkedHashMap<>();

    @BeforeEach
    void seed() {
        var p = TestPlaces.next();
        lat0 = p.lat();
        lng0 = p.lng();
        var chain = regions.chain();
        district = chain.district();
        street1 = chain.street();
        street2 = regions.streetIn(district);
        c1 = chain.community();
        c2 = regions.communityIn(street1);
        c3 = regions.communityIn(street2);
        platform = users.with(Role.PLATFORM);
        clock.set(Instant.parse("2026-09-28T02:30:00Z")); // Monday 10:30 in China

        var weekdays = new ArrayList<WeeklyRule>();
        for (int d = 1; d <= 5; d++) {
            weekdays.add(new WeeklyRule(d, "09:00", "17:00"));
        }
        var evenings = new ArrayList<WeeklyRule>();
        for (int d = 1; d <= 7; d++) {
            evenings.add(new WeeklyRule(d, "18:00", "22:00"));
        }
        station("A", stations.at(c1, north(0), east(0, 0)).named("全天站").kinds(StationKind.SERVICE));
        station("B", stations.at(c1, north(0), east(0, 3000)).named("工作日站").kinds(StationKind.SERVICE)
                .hours(weekdays, HolidayPolicy.FOLLOW_CALENDAR));
        station("C", stations.at(c2, north(0), east(0, 6000)).named("夜间站").kinds(StationKind.SERVICE)
                .hours(evenings, HolidayPolicy.IGNORE_CALENDAR));
        station("W", stations.at(c2, north(0), east(0, 9000)).named("暖心驿站").kinds(StationKind.WARM));
        station("D", stations.at(c3, north(3000), east(3000, 0)).named("周日站").kinds(StationKind.SERVICE)
                .hours(List.of(new WeeklyRule(7, "09:00", "17:00")), HolidayPolicy.FOLLOW_CALENDAR));

        grid("g1", c1, 300, 0, 500);
        grid("g2", c1, 400, 3000, 800);
        grid("g3", c2, 0, 6200, 300);
        grid("g4", c2, 100, 9000, null);
        grid("g5", c3, 3500, 0, 1000);
        grid("g6", c3, null, null, 200);
        grid("g7", c1, -12000, 0, 50);
    }

    @AfterEach
    void resetClock() {
        clock.set(Instant.now());
    }

    private double north(double meters) {
        return lat0 + meters / M_PER_DEGREE;
    }

    private double east(double northMeters, double meters) {
        return lng0 + meters / (M_PER_DEGREE * Math.cos(Math.toRadians(north(northMeters))));
    }

    private void station(String key, TestStations.Builder builder) {
        StationDetail d = builder.create();
        station.put(key, d.id());
        stationAt.put(key, new double[] {d.lat(), d.lng()});
    }

    /** A grid inserted in its community, then placed through the admin endpoint (when placed). */
    private void grid(String key, long community, Integer n, Integer e, Integer households) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("INSERT INTO grid (community_id, name, households) VALUES (?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS);
            ps.setLong(1, community);
            ps.setString(2, "网格" + key);
            ps.setObject(3, households);
            return ps;
        }, keys);
        long id = keys.getKey().longValue();
        grid.put(key, id);
        if (n != null) {
            double lat = north(n);
            double lng = east(n, e);
            place.put(key, new double[] {lat, lng});
            assertThat(mvc.put().uri("/api/v1/admin/grids/" + id + "/location").header("Authorization", platform.bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"lat\":" + lat + ",\"lng\":" + lng + ",\"households\":" + households + "}")).hasStatusOk();
            // what was saved, rounded to the column's 7 decimals
            place.put(key, jdbc.queryForObject("SELECT lat, lng FROM grid WHERE id = ?",
                    (rs, i) -> new double[] {rs.getDouble(1), rs.getDouble(2)}, id));
        }
    }

    private MvcTestResult coverage(SignedIn who, String query) {
        return mvc.get().uri("/api/v1/admin/coverage?" + query).header("Authorization", who.bearer()).exchange();
    }

    /** The grids covered by a direct computation: every grid against every open service station, great-circle metres. */
    private Map<String, Double> nearestOpen(Set<String> open) {
        var out = new LinkedHashMap<String, Double>();
        place.forEach((g, at) -> {
            double best = Double.MAX_VALUE;
            for (String s : open) {
                double[] st = stationAt.get(s);
                best = Math.min(best, PointIndexTest.haversine(at[0], at[1], st[0], st[1]));
            }
            out.put(g, best);
        });
        return out;
    }

    private void assertMatchesDirectComputation(MvcTestResult reply, Set<String> openServiceStations) {
        Map<String, Double> nearest = nearestOpen(openServiceStations);
        List<String> covered = nearest.entrySet().stream().filter(e -> e.getValue() <= 1000).map(Map.Entry::getKey).toList();
        Map<String, Integer> households = Map.of("g1", 500, "g2", 800, "g3", 300, "g5", 1000, "g6", 200, "g7", 50);
        double mean = households.values().stream().mapToInt(Integer::intValue).average().orElseThrow();
        double all = households.values().stream().mapToInt(Integer::intValue).sum() + mean; // g4 weighs the mean
        double in = covered.stream().mapToDouble(g -> households.containsKey(g) ? households.get(g) : mean).sum();

        assertThat(reply).hasStatusOk();
        assertThat((Integer) Http.read(reply, "$.data.grids")).isEqualTo(7);
        assertThat((Integer) Http.read(reply, "$.data.gridsWithoutLocation")).isEqualTo(1);
        assertThat((Integer) Http.read(reply, "$.data.gridsCovered")).isEqualTo(covered.size());
        assertThat(((Number) Http.read(reply, "$.data.households")).longValue()).isEqualTo(2850);
        assertThat(((Number) Http.read(reply, "$.data.householdsCovered")).longValue())
                .isEqualTo(covered.stream().mapToLong(g -> households.getOrDefault(g, 0)).sum());
        assertThat(((Number) Http.read(reply, "$.data.share")).doubleValue()).isCloseTo(in / all, within(1e-9));
        JSONArray gapIds = Http.read(reply, "$.data.gaps[*].gridId");
        var expectedGaps = new ArrayList<Long>();
        grid.forEach((g, id) -> {
            if (!covered.contains(g)) {
                expectedGaps.add(id);
            }
        });
        assertThat(gapIds.stream().map(v -> ((Number) v).longValue()).toList()).containsExactlyInAnyOrderElementsOf(expectedGaps);
        for (String g : place.keySet()) {
            if (!covered.contains(g)) {
                JSONArray meters = Http.read(reply, "$.data.gaps[?(@.gridId==" + grid.get(g) + ")].nearestOpenStationMeters");
                assertThat(((Number) meters.get(0)).longValue()).as(g).isEqualTo(Math.round(nearest.get(g)));
            }
        }
    }

    @Test
    void coverageNowEqualsTheDirectComputationOverEveryGridAndOpenStation() {
        MvcTestResult reply = coverage(platform, "districtId=" + district + "&when=now");
        assertMatchesDirectComputation(reply, Set.of("A", "B"));
        assertThat((String) Http.read(reply, "$.data.when")).isEqualTo("NOW");
        assertThat((String) Http.read(reply, "$.data.at")).isEqualTo("2026-09-28T02:30:00Z");
        assertThat((Integer) Http.read(reply, "$.data.radiusMeters")).isEqualTo(1000);
        assertThat((String) Http.read(reply, "$.data.scope.level")).isEqualTo("DISTRICT");
        assertThat(((Number) Http.read(reply, "$.data.scope.id")).longValue()).isEqualTo(district);
        assertThat((JSONArray) Http.read(reply, "$.data.gaps[?(@.gridId==" + grid.get("g2") + ")]")).isEmpty();
    }

    @Test
    void theEveningClosesTheWeekdayStationAndOpensTheEveningOne() {
        MvcTestResult reply = coverage(platform, "districtId=" + district + "&when=evening");
        assertMatchesDirectComputation(reply, Set.of("A", "C"));
        assertThat((String) Http.read(reply, "$.data.at")).isEqualTo("2026-09-28T11:30:00Z"); // 19:30 in China
        assertThat((JSONArray) Http.read(reply, "$.data.gaps[?(@.gridId==" + grid.get("g2") + ")]")).hasSize(1);
        assertThat((JSONArray) Http.read(reply, "$.data.gaps[?(@.gridId==" + grid.get("g3") + ")]")).isEmpty();
    }

    @Test
    void onTheNextPublicHolidayStationsKeepTheirSundayHours() {
        MvcTestResult reply = coverage(platform, "districtId=" + district + "&when=holiday");
        assertMatchesDirectComputation(reply, Set.of("A", "D"));
        assertThat((String) Http.read(reply, "$.data.when")).isEqualTo("HOLIDAY");
        assertThat((String) Http.read(reply, "$.data.at")).isEqualTo("2026-10-01T02:00:00Z"); // 国庆节 10:00
        assertThat((JSONArray) Http.read(reply, "$.data.gaps[?(@.gridId==" + grid.get("g5") + ")]")).isEmpty();
    }

    @Test
    void aWarmStationAloneCoversNoGrid() {
        MvcTestResult reply = coverage(platform, "communityId=" + c2 + "&when=now");
        assertThat((JSONArray) Http.read(reply, "$.data.gaps[?(@.gridId==" + grid.get("g4") + ")]")).hasSize(1);
        JSONArray shown = Http.read(reply, "$.data.stations[*].id");
        assertThat(shown.stream().map(v -> ((Number) v).longValue()).toList())
                .contains(station.get("C")).doesNotContain(station.get("W"));
        assertThat((JSONArray) Http.read(reply, "$.data.stations[?(@.id==" + station.get("C") + ")].open"))
                .containsExactly(false);
    }

    @Test
    void gapsComeLargestHouseholdsFirstUnknownLastAndAnUnplacedGridIsAGapWithoutCoordinates() {
        MvcTestResult reply = coverage(platform, "districtId=" + district + "&when=now");
        JSONArray ids = Http.read(reply, "$.data.gaps[*].gridId");
        assertThat(ids.stream().map(v -> ((Number) v).longValue()).toList()).containsExactly(
                grid.get("g5"), grid.get("g3"), grid.get("g6"), grid.get("g7"), grid.get("g4"));
        assertThat((JSONArray) Http.read(reply, "$.data.gaps[?(@.gridId==" + grid.get("g6") + ")].lat")).containsExactly((Object) null);
        assertThat((JSONArray) Http.read(reply, "$.data.gaps[?(@.gridId==" + grid.get("g6") + ")].nearestOpenStationMeters"))
                .containsExactly((Object) null);
        assertThat((String) Http.read(reply, "$.data.gaps[0].communityName")).startsWith("测试社区");
    }

    @Test
    void areasAreTheLevelBelowTheScope() {
        MvcTestResult reply = coverage(platform, "districtId=" + district + "&when=now");
        assertThat((JSONArray) Http.read(reply, "$.data.areas[*].level")).containsOnly("STREET");
        // street 1: g1, g2 covered of g1 g2 g3 g4 g7; street 2: g5, g6, neither covered
        assertThat((JSONArray) Http.read(reply, "$.data.areas[?(@.id==" + street1 + ")].gridsCovered")).containsExactly(2);
        assertThat((JSONArray) Http.read(reply, "$.data.areas[?(@.id==" + street2 + ")].grids")).containsExactly(2);
        assertThat((JSONArray) Http.read(reply, "$.data.areas[?(@.id==" + street2 + ")].share")).containsExactly(0.0);

        MvcTestResult street = coverage(platform, "streetId=" + street1);
        assertThat((JSONArray) Http.read(street, "$.data.areas[*].id")).containsExactlyInAnyOrder((int) c1, (int) c2);
        assertThat((JSONArray) Http.read(street, "$.data.areas[*].level")).containsOnly("COMMUNITY");
    }

    @Test
    void aSmallerRadiusLeavesTheGridFourHundredMetresAwayUncovered() {
        MvcTestResult reply = coverage(platform, "communityId=" + c1 + "&radius=350");
        assertThat((Integer) Http.read(reply, "$.data.radiusMeters")).isEqualTo(350);
        assertThat((Integer) Http.read(reply, "$.data.gridsCovered")).isEqualTo(1); // g1 at 300 m; g2 at 400 m is not
    }

    @Test
    void withoutTheGeoIndexTheAnswerComesFromMySqlAndIsTheSame() {
        String expected = Http.body(coverage(platform, "districtId=" + district + "&when=now"));
        redis.delete(StationKeys.READY);
        try {
            assertThat(Http.body(coverage(platform, "districtId=" + district + "&when=now"))).isEqualTo(expected);
        } finally {
            index.rebuild();
        }
    }

    @Test
    void noKnownComingHolidayIsAConflict() {
        jdbc.update("DELETE FROM public_holiday WHERE day >= '2099-12-31'"); // far-future rows other tests may leave
        clock.set(Instant.parse("2099-12-31T02:00:00Z"));
        SignedIn platformThen = users.with(Role.PLATFORM); // a session of that day: today's would have expired
        MvcTestResult reply = coverage(platformThen, "districtId=" + district + "&when=holiday");
        assertThat(reply).hasStatus(HttpStatus.CONFLICT);
        assertThat((Integer) Http.read(reply, "$.code")).isEqualTo(63003);
    }

    @Nested
    class Scopes {

        @Test
        void aCommunityAdminSeesOnlyTheirCommunity() {
            SignedIn admin = users.with(Role.ADMIN, c1);
            assertThat(coverage(admin, "communityId=" + c1)).hasStatusOk();
            for (String q : List.of("communityId=" + c3, "streetId=" + street1, "districtId=" + district, "when=now")) {
                MvcTestResult r = coverage(admin, q);
                assertThat(r).as(q).hasStatus(HttpStatus.FORBIDDEN);
                assertThat((Integer) Http.read(r, "$.code")).as(q).isEqualTo(63002);
            }
        }

        @Test
        void aStreetAdminSeesTheirStreetAndItsCommunities() {
            SignedIn admin = users.with(Role.STREET_ADMIN, street1);
            assertThat(coverage(admin, "streetId=" + street1)).hasStatusOk();
            assertThat(coverage(admin, "communityId=" + c2)).hasStatusOk();
            for (String q : List.of("communityId=" + c3, "streetId=" + street2, "districtId=" + district, "")) {
                assertThat(coverage(admin, q)).as(q).hasStatus(HttpStatus.FORBIDDEN);
            }
        }

        @Test
        void aDistrictAdminSeesTheirDistrictAndEverythingInIt() {
            SignedIn admin = users.with(Role.DISTRICT_ADMIN, district);
            assertThat(coverage(admin, "districtId=" + district)).hasStatusOk();
            assertThat(coverage(admin, "streetId=" + street2)).hasStatusOk();
            assertThat(coverage(admin, "communityId=" + c3)).hasStatusOk();
            long other = regions.chain().district();
            assertThat(coverage(admin, "districtId=" + other)).hasStatus(HttpStatus.FORBIDDEN);
            assertThat(coverage(admin, "")).hasStatus(HttpStatus.FORBIDDEN);
        }

        @Test
        void thePlatformAdminSeesTheCityAndLearnsWhatDoesNotExist() {
            MvcTestResult city = coverage(platform, "when=now");
            assertThat(city).hasStatusOk();
            assertThat((String) Http.read(city, "$.data.scope.level")).isEqualTo("CITY");
            assertThat((JSONArray) Http.read(city, "$.data.areas[*].level")).containsOnly("DISTRICT");
            assertThat((JSONArray) Http.read(city, "$.data.areas[?(@.id==" + district + ")].grids")).containsExactly(7);
            MvcTestResult missing = coverage(platform, "districtId=987654321");
            assertThat(missing).hasStatus(HttpStatus.NOT_FOUND);
            assertThat((Integer) Http.read(missing, "$.code")).isEqualTo(63004);
        }

        @Test
        void residentsAndStaffAreRefused() {
            assertThat(coverage(users.resident(), "communityId=" + c1)).hasStatus(HttpStatus.FORBIDDEN);
            assertThat(coverage(users.with(Role.STAFF, station.get("A")), "communityId=" + c1)).hasStatus(HttpStatus.FORBIDDEN);
        }
    }

    @Nested
    class BadInput {

        private void assertBadField(String query, int code, String field) {
            MvcTestResult r = coverage(platform, query);
            assertThat(r).as(query).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat((Integer) Http.read(r, "$.code")).as(query).isEqualTo(code);
            assertThat(Http.body(r)).as(query).contains("\"" + field + "\"");
        }

        @Test
        void namesTheFieldThatIsWrong() {
            assertBadField("districtId=" + district + "&when=tomorrow", 10000, "when");
            assertBadField("districtId=" + district + "&radius=50", 10000, "radius");
            assertBadField("districtId=" + district + "&radius=5001", 10000, "radius");
            assertBadField("districtId=abc", 10000, "districtId");
            assertBadField("communityId=0", 10000, "communityId");
            assertBadField("communityId=" + c1 + "&streetId=" + street1, 63001, "streetId");
        }
    }
}
