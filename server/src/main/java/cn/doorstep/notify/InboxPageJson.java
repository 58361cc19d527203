package cn.doorstep.notify;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;

/**
 * A page of the inbox as the JSON of an {@link InboxPage}, written into the reply as it is: the first page
 * comes ready from Redis ({@link InboxFirstPages}) and is not parsed and written again.
 */
@Schema(implementation = InboxPage.class)
@JsonSerialize(using = InboxPageJson.Writer.class)
public record InboxPageJson(String json) {

    static final class Writer extends JsonSerializer<InboxPageJson> {

        @Override
        public void serialize(InboxPageJson page, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeRawValue(page.json());
        }
    }
}
