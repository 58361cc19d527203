package cn.doorstep.common;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
class OperationsEndpointsTest {

    @Autowired
    MockMvcTester mvc;

    @Test
    void healthIsUpWithDatabaseAndRedis() {
        assertThat(mvc.get().uri("/actuator/health")).hasStatusOk()
                .bodyJson().extractingPath("$.status").isEqualTo("UP");
        assertThat(mvc.get().uri("/actuator/health/readiness")).hasStatusOk();
    }

    @Test
    void exposesPrometheusMetrics() {
        assertThat(mvc.get().uri("/actuator/prometheus")).hasStatusOk()
                .bodyText().contains("jvm_memory_used_bytes", "hikaricp_connections");
    }

    @Test
    void servesSwaggerUi() {
        assertThat(mvc.get().uri("/swagger-ui/index.html")).hasStatusOk();
    }
}
