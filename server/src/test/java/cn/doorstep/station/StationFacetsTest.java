package cn.doorstep.station;

import cn.doorstep.station.hours.HolidayPolicy;
import cn.doorstep.station.hours.HoursException;
import cn.doorstep.station.hours.WeeklyRule;
import cn.doorstep.station.map.StationFacets;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The compact filter data the map search reads must answer exactly as the full detail does. */
class StationFacetsTest {

    @Test
    void decodedFacetsAnswerLikeTheDetail() {
        LocalDate monday = LocalDate.of(2026, 11, 30);
        var detail = new StationDetail(9, "站", Set.of(StationKind.WARM), null, 1, "址", 43.8, 126.5, null, null,
                List.of(), EnumSet.of(Amenity.WATER, Amenity.HEATING_AC), Audience.RIDERS_ONLY,
                List.of(new WeeklyRule(1, "08:00", "12:00"), new WeeklyRule(1, "13:00", "20:00"),
                        new WeeklyRule(5, "22:00", "02:00")),
                HolidayPolicy.IGNORE_CALENDAR,
                List.of(new HoursException(monday.plusDays(1), true, null, null, null),
                        new HoursException(monday.plusDays(2), false, "10:00", "11:00", null)),
                LiveStatus.CLOSED_TODAY, "水管维修 | 明天见", Instant.parse("2026-11-29T03:00:00Z"), StationStatus.ACTIVE, 3);

        StationFacets decoded = StationFacets.decode(StationFacets.of(detail).encode());

        assertThat(decoded.hasAll(StationFacets.mask(EnumSet.of(Amenity.WATER)))).isTrue();
        assertThat(decoded.hasAll(StationFacets.mask(EnumSet.of(Amenity.WATER, Amenity.TOILET)))).isFalse();
        assertThat(decoded.schedule().policy()).isEqualTo(HolidayPolicy.IGNORE_CALENDAR);
        assertThat(decoded.schedule().closedOn()).isEqualTo(LocalDate.of(2026, 11, 29));
        assertThat(decoded.live()).isEqualTo(LiveStatus.CLOSED_TODAY);
        assertThat(decoded.liveNote()).isEqualTo("水管维修 | 明天见");
        assertThat(decoded.liveUpdatedAt()).isEqualTo(Instant.parse("2026-11-29T03:00:00Z"));
        for (int hour = 0; hour < 24 * 7; hour++) {
            var at = monday.atStartOfDay().plusHours(hour).plusMinutes(30);
            assertThat(decoded.schedule().at(at, d -> null))
                    .as("at %s", at).usingRecursiveComparison().isEqualTo(detail.schedule().at(at, d -> null));
        }
    }

    @Test
    void aValueWrittenInAnotherFormatReadsAsMissing() {
        assertThat(StationFacets.decode("3|F||1:480-1200|")).isNull();
        assertThat(StationFacets.decode(null)).isNull();
    }
}
