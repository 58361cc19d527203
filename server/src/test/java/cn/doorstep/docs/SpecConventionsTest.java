package cn.doorstep.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.lang.reflect.RecordComponent;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the spec tells a mini-program developer beyond Spectral's {@code spectral:oas} rules, which CI
 * runs on the same file (tools/spectral/lint.sh): each operation says more than its summary, each tag
 * is explained, and station-local times cannot be mistaken for instants.
 */
class SpecConventionsTest {

    final JsonNode spec = ApiDocs.spec();

    @Test
    void everyOperationHasADescriptionBeyondItsSummary() {
        List<String> bare = new ArrayList<>();
        spec.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String description = op.getValue().path("description").asText("").strip();
            if (description.isEmpty() || description.equals(op.getValue().path("summary").asText().strip())) {
                bare.add(op.getKey().toUpperCase() + " " + path.getKey());
            }
        }));
        assertThat(bare).as("operations whose @Operation has no description of its own (who may call, what it does, "
                + "the notable refusals)").isEmpty();
    }

    @Test
    void everyTagUsedIsDeclaredWithADescription() {
        Set<String> declared = new HashSet<>();
        spec.path("tags").forEach(tag -> {
            if (!tag.path("description").asText("").isBlank()) {
                declared.add(tag.get("name").asText());
            }
        });
        Set<String> used = new HashSet<>();
        spec.get("paths").forEach(path -> path.forEach(op -> op.path("tags").forEach(tag -> used.add(tag.asText()))));

        assertThat(used).isNotEmpty();
        assertThat(declared).as("tags without @Tag(name, description) on one of their controllers").containsAll(used);
    }

    /**
     * A generated client sends a {@code format: date-time} field as an instant in UTC; a station-local
     * time sent that way would be read eight hours off. Every record field the code models as a local
     * time must be documented with a pattern that takes what Jackson writes for it and refuses an offset.
     */
    @Test
    void stationLocalTimesAreDocumentedWithoutAnOffset() throws Exception {
        var jackson = JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
        // with and without the seconds and fraction Jackson leaves out when they are zero
        Map<Class<?>, List<Object>> samples = Map.of(
                LocalDateTime.class, List.of(LocalDateTime.of(2026, 12, 5, 9, 0), LocalDateTime.of(2026, 12, 5, 9, 0, 30, 500_000_000)),
                LocalTime.class, List.of(LocalTime.of(9, 0), LocalTime.of(9, 0, 30, 500_000_000)));

        List<String> checked = new ArrayList<>();
        for (Class<?> type : ApiDocs.classes((reader, factory) ->
                Record.class.getName().equals(reader.getClassMetadata().getSuperClassName()))) {
            for (RecordComponent component : type.getRecordComponents()) {
                JsonNode field = spec.at("/components/schemas/" + type.getSimpleName() + "/properties/" + component.getName());
                if (!samples.containsKey(component.getType()) || field.isMissingNode()) {
                    continue; // not a local time, or a record the API does not show
                }
                String where = type.getSimpleName() + "." + component.getName();
                checked.add(where);
                assertThat(field.path("format").asText()).as(where).isNotEqualTo("date-time");
                assertThat(field.path("description").asText()).as(where).contains("no offset");
                Pattern pattern = Pattern.compile(field.path("pattern").asText("(missing)"));
                for (Object sample : samples.get(component.getType())) {
                    String written = jackson.writeValueAsString(sample).replace("\"", "");
                    assertThat(pattern.matcher(written).find()).as("%s takes %s", where, written).isTrue();
                    assertThat(pattern.matcher(written + "Z").find()).as("%s refuses %sZ", where, written).isFalse();
                    assertThat(pattern.matcher(written + "+08:00").find()).as("%s refuses an offset", where).isFalse();
                }
            }
        }
        assertThat(checked).as("the API takes local times (slots, activities)").isNotEmpty();
    }
}
