package cn.doorstep.station.map;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.station.Amenity;
import cn.doorstep.station.Audience;
import cn.doorstep.station.LiveStatus;
import cn.doorstep.station.StationDetail;
import cn.doorstep.station.StationKind;
import cn.doorstep.station.StationStatus;
import cn.doorstep.station.hours.HolidayPolicy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The map writes its items from cached JSON; the reply must be exactly the documented NearbyItem. */
class MapItemTest {

    static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    @Test
    void writesTheShapeTheApiDocuments() throws Exception {
        var detail = new StationDetail(42, "暖新驿站 \"吉林\"", EnumSet.of(StationKind.WARM, StationKind.SERVICE), null, 1,
                "吉林大街\\1号", 43.8, 126.5, null, null, List.of("https://img.example.com/a.jpg"),
                EnumSet.of(Amenity.WATER, Amenity.CHARGING), Audience.RIDERS_ONLY, List.of(),
                HolidayPolicy.IGNORE_CALENDAR, List.of(), LiveStatus.BUSY, "排队", Instant.parse("2026-11-30T01:02:03Z"),
                StationStatus.ACTIVE, 3);
        var item = new MapItem(StationCard.members(detail, JSON).getBytes(java.nio.charset.StandardCharsets.UTF_8), 120, true, List.of("08:00-20:00"), LiveStatus.BUSY,
                "排队", detail.liveUpdatedAt());
        var documented = new NearbyItem(42, detail.name(), detail.kinds(), detail.address(), 43.8, 126.5, 120,
                detail.amenities(), Audience.RIDERS_ONLY, true, List.of("08:00-20:00"), LiveStatus.BUSY, "排队",
                detail.liveUpdatedAt(), "https://img.example.com/a.jpg");

        JsonNode written = JSON.readTree(JSON.writeValueAsString(item));

        assertThat(written).isEqualTo(JSON.readTree(JSON.writeValueAsString(documented)));
        assertThat(Set.copyOf(iterable(written.fieldNames()))).isEqualTo(Set.copyOf(Arrays.stream(
                NearbyItem.class.getRecordComponents()).map(c -> c.getName()).toList()));
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        var out = new java.util.ArrayList<String>();
        names.forEachRemaining(out::add);
        return out;
    }
}
