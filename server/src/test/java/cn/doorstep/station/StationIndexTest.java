package cn.doorstep.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.doorstep.common.RateLimiter;
import cn.doorstep.station.hours.HolidayCalendar;
import cn.doorstep.station.hours.HolidayPolicy;
import cn.doorstep.station.internal.StationKeys;
import cn.doorstep.station.internal.VersionedCache;
import cn.doorstep.station.map.StationIndex;
import cn.doorstep.station.map.StationIndex.Hit;
import cn.doorstep.support.IntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The index's own rules, against the real Redis. */
@IntegrationTest
class StationIndexTest {

    @Autowired
    StationIndex index;
    @Autowired
    VersionedCache cache;
    @Autowired
    StringRedisTemplate redis;

    @Test
    void anOlderStateArrivingLateDoesNotOverwriteANewerOne() {
        long id = 900_000_001L;
        index.apply(station(id, 22.50, 114.00, 7));  // version 7: moved here
        index.apply(station(id, 22.60, 114.00, 6));  // version 6 arrives late

        assertThat(ids(22.50, 114.00)).contains(id);
        assertThat(ids(22.60, 114.00)).doesNotContain(id);
    }

    @Test
    void aRebuildDropsStationsThatAreNoLongerInMysql() {
        long ghost = 900_000_002L; // never in MySQL
        index.apply(station(ghost, 22.70, 114.00, 1));
        assertThat(ids(22.70, 114.00)).contains(ghost);

        assertThat(index.rebuild()).isTrue();

        assertThat(ids(22.70, 114.00)).doesNotContain(ghost);
        assertThat(index.ready()).isTrue();
    }

    @Test
    void aCachedCopyBuiltFromAnOlderRowIsNotPutBack() {
        long id = 900_000_003L;
        index.apply(station(id, 22.80, 114.00, 5)); // the change to version 5 committed and was applied

        cache.putAll(StationKeys.DETAIL_PREFIX, List.of(new VersionedCache.Entry(id, 4, "{\"stale\":true}")),
                Duration.ofMinutes(1));
        assertThat(redis.hasKey(StationKeys.DETAIL_PREFIX + id)).as("a copy of version 4 arrives late").isFalse();

        cache.putAll(StationKeys.DETAIL_PREFIX, List.of(new VersionedCache.Entry(id, 5, "{\"fresh\":true}")),
                Duration.ofMinutes(1));
        assertThat(redis.opsForValue().get(StationKeys.DETAIL_PREFIX + id)).isEqualTo("{\"fresh\":true}");
    }

    @Test
    void aSearchSaysNotReadyOnceTheReadyFlagIsGoneEvenWhenWritesRecreatedTheSets() {
        long id = 900_000_004L;
        // hold the rebuild lease ourselves (no rebuild now), once whoever holds it has finished: taking
        // it over from a running rebuild would leave its release, or a lease put back, to chance
        await().atMost(Duration.ofSeconds(60)).until(() -> Boolean.TRUE.equals(redis.opsForValue()
                .setIfAbsent(StationKeys.REBUILDING, "held-by-this-test", Duration.ofMinutes(1))));
        try {
            redis.delete(StationKeys.READY);
            index.apply(station(id, 22.90, 114.00, 1)); // recreates part of the index

            assertThat(index.nearby(lookup(22.90, 114.00))).isNull();
        } finally {
            redis.delete(StationKeys.REBUILDING);
            // the rebuild the search queued may have found the lease taken and given up, and while it is
            // in flight another request to rebuild is dropped: ask until one runs
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                index.rebuildInBackground();
                return index.ready();
            });
        }
    }

    private List<Long> ids(double lat, double lng) {
        var found = index.nearby(lookup(lat, lng));
        assertThat(found).as("index ready").isNotNull();
        return found.hits().stream().map(Hit::id).toList();
    }

    private static StationIndex.Lookup lookup(double lat, double lng) {
        return new StationIndex.Lookup(Set.of(StationKind.WARM), lat, lng, 100, 10, 0, -1, 10,
                HolidayCalendar.fieldsAround(LocalDate.now()),
                new RateLimiter.Rule(StationKeys.mapRate("StationIndexTest"), Duration.ofMinutes(1), 1_000_000));
    }

    private static StationDetail station(long id, double lat, double lng, long version) {
        return new StationDetail(id, "索引站", Set.of(StationKind.WARM), null, 1, "址", lat, lng, null, null, List.of(),
                Set.of(), Audience.PUBLIC, List.of(), HolidayPolicy.IGNORE_CALENDAR, List.of(), LiveStatus.OPEN, null,
                null, StationStatus.ACTIVE, version);
    }
}
