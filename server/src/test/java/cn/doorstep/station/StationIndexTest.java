package cn.doorstep.station;

import cn.doorstep.station.hours.HolidayPolicy;
import cn.doorstep.station.map.StationIndex;
import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.station.map.StationIndex.Hit;
import cn.doorstep.support.IntegrationTest;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The index's own rules, against the real Redis. */
@IntegrationTest
class StationIndexTest {

    @Autowired
    StationIndex index;

    @Test
    void anOlderStateArrivingLateDoesNotOverwriteANewerOne() {
        long id = 900_000_001L;
        index.apply(station(id, 22.50, 114.00), 7);  // version 7: moved here
        index.apply(station(id, 22.60, 114.00), 6);  // version 6 arrives late

        assertThat(ids(index.search(StationKind.WARM, 22.50, 114.00, 100, 10))).contains(id);
        assertThat(ids(index.search(StationKind.WARM, 22.60, 114.00, 100, 10))).doesNotContain(id);
    }

    @Test
    void aRebuildDropsStationsThatAreNoLongerInMysql() {
        long ghost = 900_000_002L; // never in MySQL
        index.apply(station(ghost, 22.70, 114.00), 1);
        assertThat(ids(index.search(StationKind.WARM, 22.70, 114.00, 100, 10))).contains(ghost);

        assertThat(index.rebuild()).isTrue();

        assertThat(ids(index.search(StationKind.WARM, 22.70, 114.00, 100, 10))).doesNotContain(ghost);
        assertThat(index.ready()).isTrue();
    }

    private static List<Long> ids(List<Hit> hits) {
        return hits.stream().map(Hit::id).toList();
    }

    private static StationDetail station(long id, double lat, double lng) {
        return new StationDetail(id, "索引站", Set.of(StationKind.WARM), null, 1, "址", lat, lng, null, null, List.of(),
                Set.of(), Audience.PUBLIC, List.of(), HolidayPolicy.IGNORE_CALENDAR, List.of(), LiveStatus.OPEN, null,
                null, StationStatus.ACTIVE);
    }
}
