package cn.doorstep.docs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.support.TestInfrastructure;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The checked-in {@code miniprogram-api-docs/openapi.json} is what the code serves. The spec is taken
 * with the local profile on, so the dev login is documented too (marked local-only).
 * After an intended API change: {@code UPDATE_API_DOCS=true ./mvnw verify}, then review the diff.
 */
@SpringBootTest(properties = {"spring.flyway.locations=classpath:db/migration", "doorstep.demo.enabled=false"})
@AutoConfigureMockMvc
@ActiveProfiles({"test", "local"})
@Import(TestInfrastructure.class)
class OpenApiSpecTest {

    static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @Autowired
    MockMvcTester mvc;

    @Test
    void checkedInSpecMatchesTheCode() throws Exception {
        String served = mvc.get().uri("/v3/api-docs").exchange().getResponse().getContentAsString();
        String normalized = JSON.writeValueAsString(JSON.readValue(served, Object.class)) + "\n";

        if (ApiDocs.UPDATE) {
            ApiDocs.write("openapi.json", normalized);
        }
        assertThat(ApiDocs.read("openapi.json"))
                .as("miniprogram-api-docs/openapi.json is stale: run UPDATE_API_DOCS=true ./mvnw verify and review")
                .isEqualTo(normalized);
    }
}
