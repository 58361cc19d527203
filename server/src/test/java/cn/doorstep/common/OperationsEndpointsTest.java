package cn.doorstep.common;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.task.TaskSchedulingProperties;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
class OperationsEndpointsTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TaskSchedulingProperties scheduling;

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

    /**
     * With one thread, the five-second notification sender waited behind every slow job. (The tests run
     * without the scheduler, so this reads its configuration.)
     */
    @Test
    void scheduledJobsRunOnAPoolNotOneThread() {
        assertThat(scheduling.getPool().getSize()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void servesSwaggerUi() {
        assertThat(mvc.get().uri("/swagger-ui/index.html")).hasStatusOk();
    }
}
