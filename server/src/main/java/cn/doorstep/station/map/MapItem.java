package cn.doorstep.station.map;

import cn.doorstep.station.LiveStatus;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * One result of the map search as it is written: what changes with the moment (distance, open now,
 * today's hours, the live status as shown) and the station's cached card, written as ready JSON.
 * The reply has the shape of {@link NearbyItem}.
 */
@Schema(implementation = NearbyItem.class)
@JsonSerialize(using = MapItem.Writer.class)
public record MapItem(String card, long distance, boolean openNow, List<String> todayHours, LiveStatus liveStatus,
                      String liveNote, Instant liveUpdatedAt) {

    static final class Writer extends JsonSerializer<MapItem> {

        @Override
        public void serialize(MapItem item, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            gen.writeNumberField("distance", item.distance());
            gen.writeBooleanField("openNow", item.openNow());
            gen.writeArrayFieldStart("todayHours");
            for (String hours : item.todayHours()) {
                gen.writeString(hours);
            }
            gen.writeEndArray();
            gen.writeStringField("liveStatus", item.liveStatus().name());
            gen.writeStringField("liveNote", item.liveNote());
            gen.writeFieldName("liveUpdatedAt");
            provider.defaultSerializeValue(item.liveUpdatedAt(), gen);
            // the card's members come last, after a comma the generator does not know about
            gen.writeRaw(',');
            gen.writeRaw(item.card());
            gen.writeEndObject();
        }
    }
}
