package cn.doorstep.station;

import cn.doorstep.station.hours.HolidayPolicy;
import cn.doorstep.station.hours.WeeklyRule;
import cn.doorstep.station.map.StationIndex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.MutableClock;
import cn.doorstep.support.TestPlaces;
import cn.doorstep.support.TestRegions;
import cn.doorstep.support.TestStations;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The map search over HTTP. Each test places its stations around its own point far from everyone
 * else's, so the shared index never mixes tests.
 */
@IntegrationTest
class NearbySearchTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestStations stations;
    @Autowired
    TestRegions regions;
    @Autowired
    MutableClock clock;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    StationIndex index;

    double lat;
    double lng;
    long community;

    @BeforeEach
    void aPlaceOfOurOwn() {
        var place = TestPlaces.next();
        lat = place.lat();
        lng = place.lng();
        community = regions.community();
        clock.set(Instant.parse("2026-11-30T04:00:00Z")); // Monday 12:00 in China
    }

    @AfterEach
    void resetClock() {
        clock.set(Instant.now());
    }

    @Test
    void ordersByDistanceAndReportsMetres() {
        // hand-placed due north of the query point: 0.001° of latitude ≈ 111.2 m
        var far = stations.at(community, lat + 0.009, lng).named("远站").create();
        var near = stations.at(community, lat + 0.001, lng).named("近站").create();
        var middle = stations.at(community, lat + 0.004, lng + 0.002).named("中站").create();

        MvcTestResult reply = nearby("radius=2000");

        assertThat(reply).hasStatusOk();
        assertThat(ids(reply)).containsExactly(near.id(), middle.id(), far.id());
        List<Integer> distances = Http.read(reply, "$.data.items[*].distance");
        assertThat(distances.get(0).doubleValue()).isCloseTo(haversine(lat, lng, lat + 0.001, lng), within(1.0));
        assertThat(distances.get(1).doubleValue()).isCloseTo(haversine(lat, lng, lat + 0.004, lng + 0.002), within(1.0));
        assertThat(distances.get(2).doubleValue()).isCloseTo(haversine(lat, lng, lat + 0.009, lng), within(1.0));
    }

    @Test
    void leavesOutStationsBeyondTheRadius() {
        var inside = stations.at(community, lat + 0.008, lng).create();   // ≈ 890 m
        stations.at(community, lat + 0.0095, lng).create();                // ≈ 1056 m: the near miss

        assertThat(ids(nearby("radius=1000"))).containsExactly(inside.id());
    }

    @Test
    void filtersByKind() {
        var warm = stations.at(community, lat + 0.001, lng).kinds(StationKind.WARM).create();
        var service = stations.at(community, lat + 0.002, lng).kinds(StationKind.SERVICE).create();
        var both = stations.at(community, lat + 0.003, lng).kinds(StationKind.SERVICE, StationKind.WARM).create();

        assertThat(ids(nearby("kind=WARM"))).containsExactly(warm.id(), both.id());
        assertThat(ids(nearby("kind=SERVICE"))).containsExactly(service.id(), both.id());
        assertThat(ids(nearby(""))).containsExactly(warm.id(), service.id(), both.id());
    }

    @Test
    void keepsOnlyStationsWithEveryAmenityAskedFor() {
        var all = stations.at(community, lat + 0.002, lng).amenities(Amenity.WATER, Amenity.CHARGING, Amenity.TOILET).create();
        stations.at(community, lat + 0.001, lng).amenities(Amenity.WATER).create(); // near miss: no charging

        assertThat(ids(nearby("amenities=WATER,CHARGING"))).containsExactly(all.id());
        assertThat(ids(nearby("amenities=water"))).hasSize(2);
    }

    @Test
    void keepsOnlyStationsOpenNowInChinaTime() {
        var open = stations.at(community, lat + 0.002, lng)
                .hours(List.of(new WeeklyRule(1, "08:00", "18:00")), HolidayPolicy.FOLLOW_CALENDAR).create();
        stations.at(community, lat + 0.001, lng)   // near miss: opens at 13:00, it is 12:00
                .hours(List.of(new WeeklyRule(1, "13:00", "18:00")), HolidayPolicy.FOLLOW_CALENDAR).create();

        MvcTestResult reply = nearby("openNow=true");

        assertThat(ids(reply)).containsExactly(open.id());
        assertThat(reply).bodyJson().extractingPath("$.data.items[0].todayHours[0]").isEqualTo("08:00-18:00");
        assertThat(ids(nearby(""))).hasSize(2);
    }

    @Test
    void pagesThroughTheResults() {
        for (int i = 1; i <= 5; i++) {
            stations.at(community, lat + 0.001 * i, lng).named("站" + i).create();
        }

        MvcTestResult second = nearby("page=2&size=2");

        assertThat(second).bodyJson().extractingPath("$.data.total").isEqualTo(5);
        assertThat(second).bodyJson().extractingPath("$.data.page").isEqualTo(2);
        assertThat((List<String>) Http.read(second, "$.data.items[*].name")).containsExactly("站3", "站4");
    }

    @Test
    void rebuildsTheIndexWhenRedisLostIt() {
        var station = stations.at(community, lat + 0.001, lng).create();
        redis.getConnectionFactory().getConnection().serverCommands().flushDb();
        assertThat(index.ready()).isFalse();

        assertThat(ids(nearby("kind=WARM"))).as("answered from MySQL meanwhile").containsExactly(station.id());
        await().atMost(Duration.ofSeconds(30)).until(index::ready); // rebuilt in the background
        assertThat(index.size(StationKind.WARM)).isPositive();
        assertThat(ids(nearby("kind=WARM"))).containsExactly(station.id());
    }

    @Test
    void eachClientAddressMaySearchOnlySoOftenAMinute() {
        for (int i = 0; i < 600; i++) {
            assertThat(mvc.get().uri("/api/v1/stations/nearby?radius=10&lat=" + lat + "&lng=" + lng)
                    .with(Http.from("198.51.100.23"))).hasStatusOk();
        }
        assertThat(mvc.get().uri("/api/v1/stations/search?communityId=" + community + "&q=站")
                .with(Http.from("198.51.100.23"))).as("the text search counts too").hasStatus(HttpStatus.TOO_MANY_REQUESTS)
                .bodyJson().extractingPath("$.code").isEqualTo(10429);
        assertThat(mvc.get().uri("/api/v1/stations/nearby?radius=10&lat=" + lat + "&lng=" + lng)
                .with(Http.from("198.51.100.24"))).hasStatusOk();
    }

    @Nested
    class RejectsBadQueries {

        @Test
        void aRadiusOverTwentyKilometres() {
            assertThat(mvc.get().uri("/api/v1/stations/nearby?lat=43.8&lng=126.5&radius=20001"))
                    .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.data.errors[0].field").isEqualTo("radius");
        }

        @Test
        void aPageSizeOverFifty() {
            assertThat(mvc.get().uri("/api/v1/stations/nearby?lat=43.8&lng=126.5&size=51"))
                    .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.data.errors[0].field").isEqualTo("size");
        }

        @Test
        void coordinatesOutsideChina() {
            assertThat(mvc.get().uri("/api/v1/stations/nearby?lat=48.85&lng=2.35"))
                    .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.data.errors[0].field").isEqualTo("lng");
        }

        @Test
        void missingCoordinates() {
            assertThat(mvc.get().uri("/api/v1/stations/nearby?lng=126.5"))
                    .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.data.errors[0].field").isEqualTo("lat");
        }

        @Test
        void anUnknownAmenity() {
            assertThat(mvc.get().uri("/api/v1/stations/nearby?lat=43.8&lng=126.5&amenities=WATER,SAUNA"))
                    .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.code").isEqualTo(20005);
        }

        @Test
        void anUnknownKind() {
            assertThat(mvc.get().uri("/api/v1/stations/nearby?lat=43.8&lng=126.5&kind=HOTEL"))
                    .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.data.errors[0].field").isEqualTo("kind");
        }

        @Test
        void aLatitudeThatIsNotANumber() {
            assertThat(mvc.get().uri("/api/v1/stations/nearby?lat=north&lng=126.5"))
                    .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.data.errors[0].field").isEqualTo("lat");
        }
    }

    private MvcTestResult nearby(String extra) {
        return mvc.get().uri("/api/v1/stations/nearby?lat=" + lat + "&lng=" + lng + (extra.isEmpty() ? "" : "&" + extra))
                .exchange();
    }

    private static List<Long> ids(MvcTestResult reply) {
        List<Number> ids = Http.read(reply, "$.data.items[*].id");
        return ids.stream().map(Number::longValue).toList();
    }

    /** Great-circle distance on Redis's sphere (radius 6372797.560856 m). */
    static double haversine(double lat1, double lng1, double lat2, double lng2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLng = Math.toRadians(lng2 - lng1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLng / 2), 2);
        return 6372797.560856 * 2 * Math.asin(Math.sqrt(a));
    }
}
