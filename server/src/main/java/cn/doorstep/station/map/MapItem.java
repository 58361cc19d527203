package cn.doorstep.station.map;

import cn.doorstep.station.LiveStatus;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * One result of the map search as it is written: what changes with the moment (distance, open now,
 * today's hours, the live status as shown) and the station's cached card, written as ready JSON.
 * The reply has the shape of {@link NearbyItem}.
 */
@Schema(implementation = NearbyItem.class)
@JsonSerialize(using = MapItem.Writer.class)
public record MapItem(byte[] card, long distance, boolean openNow, List<String> todayHours, LiveStatus liveStatus,
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
            gen.writeRaw(new RawUtf8(item.card()));
            gen.writeEndObject();
        }
    }

    /**
     * JSON that is already UTF-8 bytes: the byte generator copies it as it is; a character generator
     * (not used for replies) decodes it.
     */
    private record RawUtf8(byte[] bytes) implements SerializableString {

        @Override
        public String getValue() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public int charLength() {
            return getValue().length();
        }

        @Override
        public int appendUnquotedUTF8(byte[] buffer, int offset) {
            if (offset + bytes.length > buffer.length) {
                return -1; // the generator then writes asUnquotedUTF8() itself
            }
            System.arraycopy(bytes, 0, buffer, offset, bytes.length);
            return bytes.length;
        }

        @Override
        public byte[] asUnquotedUTF8() {
            return bytes;
        }

        @Override
        public int writeUnquotedUTF8(OutputStream out) throws IOException {
            out.write(bytes);
            return bytes.length;
        }

        @Override
        public char[] asQuotedChars() {
            throw new UnsupportedOperationException("raw JSON is never quoted");
        }

        @Override
        public byte[] asQuotedUTF8() {
            throw new UnsupportedOperationException("raw JSON is never quoted");
        }

        @Override
        public int appendQuotedUTF8(byte[] buffer, int offset) {
            throw new UnsupportedOperationException("raw JSON is never quoted");
        }

        @Override
        public int appendQuoted(char[] buffer, int offset) {
            throw new UnsupportedOperationException("raw JSON is never quoted");
        }

        @Override
        public int appendUnquoted(char[] buffer, int offset) {
            String value = getValue();
            if (offset + value.length() > buffer.length) {
                return -1;
            }
            value.getChars(0, value.length(), buffer, offset);
            return value.length();
        }

        @Override
        public int writeQuotedUTF8(OutputStream out) {
            throw new UnsupportedOperationException("raw JSON is never quoted");
        }

        @Override
        public int putQuotedUTF8(ByteBuffer buffer) {
            throw new UnsupportedOperationException("raw JSON is never quoted");
        }

        @Override
        public int putUnquotedUTF8(ByteBuffer buffer) {
            if (buffer.remaining() < bytes.length) {
                return -1;
            }
            buffer.put(bytes);
            return bytes.length;
        }
    }
}
