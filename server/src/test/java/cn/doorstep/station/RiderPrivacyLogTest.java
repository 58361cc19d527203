package cn.doorstep.station;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * A rider's position is used for the query and then forgotten: it reaches no log line (production
 * log levels, with all of our own code at DEBUG) and no Redis key.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class RiderPrivacyLogTest {

    static final String LAT = "31.2345671";
    static final String LNG = "121.4567891";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    LoggingSystem logging;
    @Autowired
    StringRedisTemplate redis;

    @BeforeEach
    void verboseLogging() {
        logging.setLogLevel("cn.doorstep", LogLevel.DEBUG);
    }

    @AfterEach
    void quietAgain() {
        logging.setLogLevel("cn.doorstep", null);
    }

    @Test
    void theNearbyQueryLeavesNoCoordinatesInLogsOrRedis(CapturedOutput output) {
        assertThat(mvc.get().uri("/api/v1/stations/nearby?lat=" + LAT + "&lng=" + LNG + "&radius=800&openNow=true"))
                .hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/stations/nearby?lat=" + LAT + "&lng=999")) // a rejected query too
                .hasStatus4xxClientError();

        assertThat(output.getAll()).doesNotContain(LAT, LNG, "31.23456", "121.45678");
        var keys = redis.keys("*");
        assertThat(keys).noneMatch(k -> k.contains("31.23456") || k.contains("121.45678"));
    }
}
