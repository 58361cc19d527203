package cn.doorstep.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.doorstep.auth.ConsoleTestLogins;
import cn.doorstep.common.Role;
import cn.doorstep.station.StationKind;
import cn.doorstep.support.ServerTest;
import cn.doorstep.support.TestServers;
import cn.doorstep.support.WeChatStubs;
import cn.doorstep.user.UserService;
import cn.doorstep.wechat.WeChatClient;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.JdbcTemplate;
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
 * /api/v1/admin/coverage}) in the browser: what they show equals what the API answers, on seeded wishes (posted
 * over HTTP, folded into the statistics) and placed grids, one near an open station and one far from it, so the
 * numbers compared are not zeros.
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
    @Autowired
    UserService userService;
    @Autowired
    WeChatClient weChatClient;
    @Autowired
    JdbcTemplate jdbc;

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

    JsonNode apiSend(SignedIn who, String method, String pathAndQuery, String json) throws IOException, InterruptedException {
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .header("Authorization", who.bearer()).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).as(method + " " + pathAndQuery + ": " + reply.body()).isEqualTo(200);
        return new ObjectMapper().readTree(reply.body()).get("data");
    }

    /** Wishes posted by residents of the community over HTTP (WeChat's content check passing them). */
    void postWishes(long community, int count) throws IOException, InterruptedException {
        WeChatStubs weChat = WeChatStubs.of(TestServers.get());
        weChat.accessToken();
        weChat.contentCheck("pass");
        for (int i = 0; i < 10 && weChatClient.checkText("o-warm-up", 3, "warm", "up").verdict()
                == WeChatClient.Verdict.UNAVAILABLE; i++) {
            // the first check of a JVM builds WxJava's client: wait until WireMock answers in time
        }
        String[] categories = {"REPAIRS", "DAILY_HELP", "REPAIRS"};
        for (int i = 0; i < count; i++) {
            SignedIn poster = users.resident();
            userService.bindPhone(poster.id(), "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)));
            apiSend(poster, "POST", "/api/v1/wishes", """
                    {"title":"看板测试","text":"三单元二楼的灯坏了，晚上看不见。","category":"%s","urgency":"NORMAL","photos":[],
                     "communityId":%d,"contactName":"张阿姨","address":"3号楼2单元501"}
                    """.formatted(categories[i % categories.length], community));
        }
    }

    /** A grid of the community, placed through the admin endpoint. */
    void placedGrid(SignedIn admin, long community, String name, double lat, double lng, int households)
            throws IOException, InterruptedException {
        jdbc.update("INSERT INTO grid (community_id, name) VALUES (?, ?)", community, name);
        Long id = jdbc.queryForObject("SELECT MAX(id) FROM grid WHERE community_id = ? AND name = ?", Long.class, community, name);
        apiSend(admin, "PUT", "/api/v1/admin/grids/" + id + "/location",
                "{\"lat\":" + lat + ",\"lng\":" + lng + ",\"households\":" + households + "}");
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
        postWishes(community, 3);
        SignedIn reader = users.with(Role.ADMIN, community);
        String query = "/api/v1/admin/stats/wishes?communityId=" + community + "&period=week";
        await().atMost(Duration.ofSeconds(30)).until(() -> apiGet(reader, query).get("posted").asInt() == 3);
        SignedIn admin = signedInAdmin(community);

        JsonNode api = apiGet(admin, query);
        assertThat(api.get("posted").asInt()).isEqualTo(3);
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
        stations.at(community, 43.85, 126.56).named("覆盖测试服务站").kinds(StationKind.SERVICE).create(); // open all day
        SignedIn admin = signedInAdmin(community);
        placedGrid(admin, community, "近处网格", 43.852, 126.561, 300);
        placedGrid(admin, community, "远处网格", 43.95, 126.70, 500);

        browser.go("/map");
        JsonNode api = apiGet(admin, "/api/v1/admin/coverage?communityId=" + community + "&when=now");
        assertThat(api.get("grids").asInt()).isEqualTo(2);
        assertThat(api.get("gridsCovered").asInt()).as("the near grid, 230 m from a station open now").isEqualTo(1);
        assertThat(api.get("gaps").size()).as("the far grid, 17 km away").isEqualTo(1);
        browser.waitForText("grids-covered", api.get("gridsCovered").asText());
        @SuppressWarnings("unchecked")
        Map<String, Object> shown = (Map<String, Object>) browser.exposed("coverage");
        assertThat(((List<?>) shown.get("gaps"))).hasSize(api.get("gaps").size());
        assertThat(((List<?>) shown.get("stations"))).hasSize(api.get("stations").size());
        browser.screenshot("map-coverage");
    }
}
