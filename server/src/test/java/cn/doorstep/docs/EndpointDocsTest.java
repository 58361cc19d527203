package cn.doorstep.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the spec is explained in a flow page of {@code miniprogram-api-docs/}: its
 * {@code METHOD /path} appears there, next to a {@code wx.request} example and its errors.
 */
class EndpointDocsTest {

    @Test
    void everyEndpointHasAFlowPage() throws IOException {
        JsonNode spec = new ObjectMapper().readTree(ApiDocs.read("openapi.json"));
        String pages;
        try (Stream<Path> files = Files.list(ApiDocs.dir())) {
            pages = files.filter(p -> p.toString().endsWith(".md")).map(p -> {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).collect(Collectors.joining("\n"));
        }
        assertThat(pages).contains("wx.request(");

        List<String> missing = new ArrayList<>();
        spec.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            String endpoint = method.toUpperCase() + " " + path.getKey();
            if (!pages.contains(endpoint)) {
                missing.add(endpoint);
            }
        }));
        assertThat(missing).as("endpoints with no page in miniprogram-api-docs/").isEmpty();
    }
}
