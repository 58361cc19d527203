package cn.doorstep.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.doorstep.common.Role;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The map answered from MySQL — while the index is not ready, or in the benchmark's SQL mode — gives
 * the same stations in the same order, with the same distances and states, as the GEO index.
 */
@IntegrationTest
class MapFallbackTest {

    /** Each query of the comparison: no filter, each filter alone, and a smaller radius. */
    static final List<String> QUERIES = List.of("radius=3000", "radius=3000&kind=WARM", "radius=3000&kind=SERVICE",
            "radius=3000&amenities=WATER", "radius=3000&openNow=true", "radius=3000&amenities=WATER,CHARGING&openNow=true",
            "radius=600", "radius=3000&page=2&size=2");

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestStations stations;
    @Autowired
    TestRegions regions;
    @Autowired
    TestUsers users;
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
    void aNeighbourhood() {
        var place = TestPlaces.next();
        lat = place.lat();
        lng = place.lng();
        community = regions.community();
        clock.set(Instant.parse("2026-11-30T04:00:00Z")); // Monday 12:00 in China
        List<WeeklyRule> afternoons = List.of(new WeeklyRule(1, "13:00", "18:00"));
        stations.at(community, lat + 0.0010, lng).named("近").amenities(Amenity.WATER).create();
        stations.at(community, lat + 0.0030, lng + 0.002).named("中").kinds(StationKind.SERVICE)
                .amenities(Amenity.WATER, Amenity.CHARGING).create();
        stations.at(community, lat - 0.0040, lng).named("两用").kinds(StationKind.SERVICE, StationKind.WARM)
                .amenities(Amenity.WATER, Amenity.CHARGING).create();
        stations.at(community, lat, lng + 0.0080).named("下午").amenities(Amenity.WATER)
                .hours(afternoons, HolidayPolicy.IGNORE_CALENDAR).create();
        stations.at(community, lat + 0.0200, lng).named("远").create(); // ≈ 2.2 km
    }

    @AfterEach
    void resetClock() {
        clock.set(Instant.now());
    }

    @Test
    void whileTheIndexIsNotReadyMysqlAnswersLikeTheIndex() {
        List<List<Map<String, Object>>> fromIndex = QUERIES.stream().map(this::items).toList();
        assertThat(fromIndex.get(0)).hasSize(5);

        holdingTheRebuildLease(() -> {
            redis.delete(StationKeys.READY);
            List<List<Map<String, Object>>> fromMysql = QUERIES.stream().map(this::items).toList();
            for (int i = 0; i < QUERIES.size(); i++) {
                assertSame(QUERIES.get(i), fromMysql.get(i), fromIndex.get(i));
            }
        });
    }

    @Test
    void afterRedisWasFlushedOneStationWriteDoesNotHideTheRestOfTheMap() {
        var elsewhere = TestPlaces.next();
        var far = stations.at(community, elsewhere.lat(), elsewhere.lng()).named("别处").create();
        var near = items("radius=3000").get(0);

        redis.getConnectionFactory().getConnection().serverCommands().flushDb();
        holdingTheRebuildLease(() -> {
            var admin = users.with(Role.ADMIN, community);
            assertThat(mvc.put().uri("/api/v1/admin/stations/" + ((Number) near.get("id")).longValue() + "/photos")
                    .header("Authorization", admin.bearer()).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"urls\":[]}")).hasStatusOk(); // recreates the GEO sets with one station

            assertThat(ids(elsewhere.lat(), elsewhere.lng())).containsExactly(far.id());
            assertThat(items("radius=3000")).hasSize(5);
        });

        await().atMost(Duration.ofSeconds(30)).until(index::ready);
        assertThat(ids(elsewhere.lat(), elsewhere.lng())).containsExactly(far.id());
    }

    @Test
    void withoutTheIndexsCardsTheItemsAreBuiltFromTheStations() {
        List<Map<String, Object>> before = items("radius=3000");

        redis.delete(StationKeys.CARDS);

        List<Map<String, Object>> after = items("radius=3000");
        assertSame("cards lost", after, before);
        assertThat(after).extracting(item -> item.get("address")).doesNotContainNull();
        index.rebuild();
    }

    @Nested
    @TestPropertySource(properties = "doorstep.station.search-mode=sql")
    class InSqlMode {

        @Test
        void theScanFindsTheSameStationsInTheSameOrder() {
            assertThat(items("radius=3000")).extracting(item -> item.get("name"))
                    .containsExactly("近", "中", "两用", "下午", "远");
            assertThat(items("radius=3000&kind=SERVICE&amenities=CHARGING")).extracting(item -> item.get("name"))
                    .containsExactly("中", "两用");
            assertThat(items("radius=3000&openNow=true")).extracting(item -> item.get("name"))
                    .containsExactly("近", "中", "两用", "远");
        }
    }

    static void assertSame(String query, List<Map<String, Object>> actual, List<Map<String, Object>> expected) {
        assertThat(actual).as(query).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            Map<String, Object> a = actual.get(i);
            Map<String, Object> e = expected.get(i);
            assertThat(a.get("id")).as(query + " #" + i).isEqualTo(e.get("id"));
            assertThat(((Number) a.get("distance")).doubleValue()).as(query + " distance")
                    .isCloseTo(((Number) e.get("distance")).doubleValue(), org.assertj.core.data.Offset.offset(1.0));
            for (String field : List.of("openNow", "todayHours", "liveStatus", "amenities", "kinds", "name")) {
                assertThat(a.get(field)).as(query + " " + field).isEqualTo(e.get(field));
            }
        }
    }

    void holdingTheRebuildLease(Runnable whileNotReady) {
        redis.opsForValue().set(StationKeys.REBUILDING, "held-by-MapFallbackTest", Duration.ofMinutes(1));
        try {
            whileNotReady.run();
        } finally {
            redis.delete(StationKeys.REBUILDING);
            index.rebuildInBackground();
            await().atMost(Duration.ofSeconds(30)).until(index::ready);
        }
    }

    List<Map<String, Object>> items(String query) {
        return Http.read(mvc.get().uri("/api/v1/stations/nearby?lat=" + lat + "&lng=" + lng + "&" + query).exchange(),
                "$.data.items");
    }

    List<Long> ids(double lat, double lng) {
        List<Number> ids = Http.read(mvc.get().uri("/api/v1/stations/nearby?radius=1000&lat=" + lat + "&lng=" + lng)
                .exchange(), "$.data.items[*].id");
        return ids.stream().map(Number::longValue).toList();
    }
}
