package cn.doorstep.common;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.support.ProductionServer;
import cn.doorstep.support.RawHttp;
import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What Tomcat answers itself, before any filter runs, still comes as the JSON envelope: on a real
 * Tomcat, since MockMvc has none.
 */
@ProductionServer
class OversizedRequestTest {

    @LocalServerPort
    int port;

    @Test
    void aNineKilobyteUrlIs400WithCode10003() {
        var reply = RawHttp.get("http://127.0.0.1:" + port + "/api/v1/stations/nearby?q=" + "x".repeat(9 * 1024));

        assertJsonError(reply, 400, 10003);
    }

    @Test
    void aTenKilobyteHeaderIs400WithCode10003() {
        var reply = RawHttp.get("http://127.0.0.1:" + port + "/api/v1/regions", "X-Padding", "y".repeat(10 * 1024));

        assertJsonError(reply, 400, 10003);
    }

    @Test
    void aMalformedRequestLineIs400WithTheCommonCode() {
        String reply = RawHttp.exchange(port, "GET /api/v1/regions{x} HTTP/1.1\r\nHost: localhost\r\n\r\n");

        assertThat(reply).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: application/json");
        assertThat(reply.substring(reply.indexOf("{"))).contains("\"code\":10000").doesNotContain("<html");
    }

    @Test
    void theServerStillAnswersNormallyAfterwards() {
        RawHttp.get("http://127.0.0.1:" + port + "/api/v1/regions", "X-Padding", "y".repeat(10 * 1024));

        var reply = RawHttp.get("http://127.0.0.1:" + port + "/api/v1/regions");

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat((Integer) JsonPath.read(reply.body(), "$.code")).isZero();
    }

    private static void assertJsonError(HttpResponse<String> reply, int status, int code) {
        assertThat(reply.statusCode()).isEqualTo(status);
        assertThat(reply.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/json"));
        assertThat((Integer) JsonPath.read(reply.body(), "$.code")).isEqualTo(code);
        assertThat((String) JsonPath.read(reply.body(), "$.message")).isEqualTo(CommonError.REQUEST_TOO_LARGE.message());
    }
}
