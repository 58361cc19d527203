package cn.doorstep.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.auth.ConsoleTestLogins;
import cn.doorstep.common.Role;
import cn.doorstep.support.ServerTest;
import cn.doorstep.support.TestRegions;
import cn.doorstep.support.TestStations;
import cn.doorstep.support.TestUsers;
import cn.doorstep.support.TestUsers.SignedIn;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard's wish statistics ({@code GET /api/v1/admin/stats/wishes}) and the coverage map ({@code GET
 * /api/v1/admin/coverage}) in the browser: what they show equals what the API answers. Still to strengthen: seed
 * wishes, grids with locations and open stations so the numbers compared are not mostly zeros.
 */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleStatsAndCoverageBrowserTest {

    static final String PASSWORD = "Console-pass-2026";

    @LocalServerPort
    int port;
    @Autowired
    TestUsers users;
    @Autowired
    TestRegions regions;
    @Autowired
    ConsoleTestLogins logins;
    @Autowired
    TestStations stations;

    ConsoleBrowser browser;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void openBrowser() throws IOException {
        browser = ConsoleBrowser.open(port);
    }

    @AfterAll
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    JsonNode apiGet(SignedIn who, String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .header("Authorization", who.bearer()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        return new ObjectMapper().readTree(reply.body()).get("data");
    }

    SignedIn signedInAdmin(long community) {
        SignedIn admin = users.with(Role.ADMIN, community);
        String name = "stats" + admin.id();
        logins.setChosen(admin.id(), name, PASSWORD);
        browser.signIn(name, PASSWORD);
        browser.waitForText("page-title", "数据看板");
        return admin;
    }

    @Test
    void theDashboardsWishNumbersAndDailyChartEqualTheApis() throws Exception {
        long community = regions.community();
        SignedIn admin = signedInAdmin(community);

        JsonNode api = apiGet(admin, "/api/v1/admin/stats/wishes?communityId=" + community + "&period=week");
        browser.waitForText("stat-posted", api.get("posted").asText());
        @SuppressWarnings("unchecked")
        Map<String, Object> daily = (Map<String, Object>) browser.exposed("wishesDaily");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> series = (List<Map<String, Object>>) daily.get("series");
        List<Integer> posted = new ArrayList<>();
        api.get("daily").forEach(d -> posted.add(d.get("posted").asInt()));
        assertThat(((List<?>) series.get(0).get("data")).stream().map(n -> ((Number) n).intValue()).toList())
                .isEqualTo(posted);
        browser.screenshot("dashboard-wishes");
    }

    @Test
    void theCoverageMapShowsTheApisNumbers() throws Exception {
        long community = regions.community();
        stations.at(community, 43.85, 126.56).named("覆盖测试服务站").create();
        SignedIn admin = signedInAdmin(community);

        browser.go("/map");
        JsonNode api = apiGet(admin, "/api/v1/admin/coverage?communityId=" + community + "&when=now");
        browser.waitForText("grids-covered", api.get("gridsCovered").asText());
        @SuppressWarnings("unchecked")
        Map<String, Object> shown = (Map<String, Object>) browser.exposed("coverage");
        assertThat(((List<?>) shown.get("gaps"))).hasSize(api.get("gaps").size());
        assertThat(((List<?>) shown.get("stations"))).hasSize(api.get("stations").size());
        browser.screenshot("map-coverage");
    }
}
