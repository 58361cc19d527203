package cn.doorstep.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import cn.doorstep.support.ProductionServer;
import cn.doorstep.support.RawHttp;
import cn.doorstep.support.TestUsers;
import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.ScheduledAnnotationBeanPostProcessor;

/**
 * The prod profile (the packaged jar's default) on a real Tomcat: no dev login, no API docs or Swagger
 * UI, and health and metrics only on the management port, on loopback.
 */
@ProductionServer
class ProductionProfileTest {

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;

    /**
     * An instance started with doorstep.scheduling.enabled=false runs no job at all: no library may switch
     * scheduling on behind the flag (spring-modulith-moments' auto-configuration did, and this context's
     * outbox sender then sent other tests' notices every five seconds, without their templates).
     */
    @Test
    void runsNoScheduledJobWhenSchedulingIsOff() {
        assertThat(context.getBeanNamesForType(ScheduledAnnotationBeanPostProcessor.class)).isEmpty();
    }

    @Test
    void hasNoDevLogin() {
        String body = "{\"role\":\"ADMIN\",\"handle\":\"intruder\"}";
        // not even let through security: the path is on no permit list outside the local profile
        assertThat(RawHttp.post(api("/api/v1/auth/dev-login"), body).statusCode()).isEqualTo(401);
        // and behind it, nothing answers
        var signedIn = RawHttp.post(api("/api/v1/auth/dev-login"), body, "Authorization", users.resident().bearer());
        assertThat(signedIn.statusCode()).isEqualTo(404);
        assertThat(jdbc.queryForObject("select count(*) from app_user where openid = 'dev:intruder'", Integer.class))
                .isZero();
    }

    @Test
    void stillOffersWeChatLogin() {
        var reply = RawHttp.post(api("/api/v1/auth/wx-login"), "{}");

        assertThat(reply.statusCode()).isEqualTo(400);
        assertThat((String) JsonPath.read(reply.body(), "$.data.errors[0].field")).isEqualTo("code");
    }

    @Test
    void servesNoApiDocsNorSwaggerUi() {
        for (String path : new String[] {"/v3/api-docs", "/v3/api-docs/swagger-config", "/swagger-ui.html",
                "/swagger-ui/index.html"}) {
            var reply = RawHttp.get(api(path));
            assertThat(reply.statusCode()).as(path).isEqualTo(404);
            assertThat((Integer) JsonPath.read(reply.body(), "$.code")).as(path).isEqualTo(10400);
        }
    }

    /** The PC console (README "Console") is part of the jar: its page and the WebJars it imports, read-only. */
    @Test
    void servesThePcConsoleAndItsWebJars() {
        var index = RawHttp.get(api("/console/"));
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("<script type=\"importmap\">", "/webjars/vue/");
        for (String path : new String[] {"/console/app.js", "/webjars/vue/3.5.13/dist/vue.esm-browser.prod.js",
                "/webjars/echarts/5.3.1/dist/echarts.esm.min.js", "/webjars/leaflet/1.9.4/dist/leaflet-src.esm.js"}) {
            assertThat(RawHttp.get(api(path)).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(RawHttp.post(api("/console/app.js"), "{}").statusCode()).isBetween(400, 499);
    }

    @Test
    void keepsActuatorOffTheMainPort() {
        assertThat(managementPort).isNotEqualTo(port);
        for (String path : new String[] {"/actuator/health", "/actuator/health/readiness", "/actuator/prometheus"}) {
            assertThat(RawHttp.get(api(path)).statusCode()).as(path).isEqualTo(404);
        }
    }

    @Test
    void servesHealthProbesAndMetricsOnTheManagementPort() {
        for (String probe : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            var reply = RawHttp.get(management(probe));
            assertThat(reply.statusCode()).as(probe).isEqualTo(200);
            assertThat((String) JsonPath.read(reply.body(), "$.status")).as(probe).isEqualTo("UP");
        }
        assertThat(RawHttp.get(management("/actuator/prometheus")).body()).contains("hikaricp_connections");
        // and nothing of the API there
        assertThat(RawHttp.get(management("/api/v1/stations/1")).statusCode()).isEqualTo(404);
    }

    @Test
    void listensForManagementOnLoopbackOnly() throws SocketException {
        Optional<InetAddress> external = NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .findFirst();
        assumeThat(external).as("a non-loopback address on this machine").isPresent();

        assertThatThrownBy(() -> {
            try (var socket = new Socket()) {
                socket.connect(new InetSocketAddress(external.get(), managementPort), 2000);
            }
        }).isInstanceOf(IOException.class);
    }

    private String api(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private String management(String path) {
        return "http://127.0.0.1:" + managementPort + path;
    }
}
