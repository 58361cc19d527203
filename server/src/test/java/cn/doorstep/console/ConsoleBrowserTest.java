package cn.doorstep.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.auth.ConsoleTestLogins;
import cn.doorstep.auth.RoleService;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.Role;
import cn.doorstep.report.FileReportRequest;
import cn.doorstep.report.ReportCategory;
import cn.doorstep.report.ReportFiling;
import cn.doorstep.support.MutableClock;
import cn.doorstep.support.ServerTest;
import cn.doorstep.support.TestRegions;
import cn.doorstep.support.TestRegions.Chain;
import cn.doorstep.support.TestServers;
import cn.doorstep.support.TestStations;
import cn.doorstep.support.TestUsers;
import cn.doorstep.support.TestUsers.SignedIn;
import cn.doorstep.support.WeChatStubs;
import cn.doorstep.volunteer.VolunteerApplications;
import cn.doorstep.volunteer.VolunteerRequests.ApplyRequest;
import cn.doorstep.volunteer.VolunteerSkill;
import cn.doorstep.wechat.WeChatClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console in a real browser (headless Chromium, 1366×768; one test at 1920×1080) against the app on a real
 * port: signing in (password; enrolling and using an authenticator), a queue decided in the browser and read back
 * through the API, the ranking chart's numbers against the API's, the lock after five wrong passwords, and a
 * screenshot of every page (target/console-screenshots/). The wish statistics and coverage map pages are checked
 * in ConsoleStatsAndCoverageBrowserTest once their endpoints are merged.
 */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest {

    static final String PASSWORD = "Console-pass-2026";
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    TestUsers users;
    @Autowired
    TestRegions regions;
    @Autowired
    RoleService roles;
    @Autowired
    ConsoleTestLogins logins;
    @Autowired
    MutableClock clock;
    @Autowired
    VolunteerApplications applications;
    @Autowired
    ReportFiling filing;
    @Autowired
    WeChatClient weChatClient;
    @Autowired
    TestStations stations;

    ConsoleBrowser browser;
    final HttpClient http = HttpClient.newHttpClient();
    Chain chain;

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

    @BeforeEach
    void setUp() {
        clock.set(Instant.now());
        chain = regions.chain();
    }

    @AfterEach
    void checkScripts() {
        clock.set(Instant.now());
        assertThat(browser.scriptErrors()).as("script errors in the console").isEmpty();
    }

    static String newName(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    CurrentUser asCaller(SignedIn user) {
        return new CurrentUser(user.id(), roles.grantsOf(user.id()));
    }

    JsonNode apiGet(SignedIn who, String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .header("Authorization", who.bearer()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        return JSON.readTree(reply.body()).get("data");
    }

    @Test
    void aCommunityAdminChangesTheInitialPasswordThenEveryPageShows() throws Exception {
        SignedIn admin = users.with(Role.ADMIN, chain.community());
        String name = newName("adm");
        logins.set(admin.id(), name, PASSWORD);
        long station = stations.at(chain.community(), 43.84, 126.55).named("延安社区党群服务站").create().id();

        browser.signOut();
        browser.screenshot("login");
        browser.type("login-name", name);
        browser.type("password", PASSWORD);
        browser.click("submit");
        // the initial password is the platform admin's: the console asks for the worker's own first
        browser.waitForText("page-title", "修改密码");
        browser.type("current-password", PASSWORD);
        browser.type("new-password", "Own-password-77");
        browser.type("new-password-again", "Own-password-77");
        browser.click("save-password");
        browser.waitForText("ok", "密码已修改");

        // the station's holiday policy, changed on 站点 and read back through the API
        browser.go("/stations");
        browser.waitForText("stations", "延安社区党群服务站");
        new Select(browser.find("holiday-policy")).selectByValue("FOLLOW_CALENDAR");
        browser.click("save-hours");
        browser.waitForText("ok", "开放时间已保存");
        JsonNode saved = apiGet(admin, "/api/v1/admin/stations?communityId=" + chain.community());
        assertThat(saved.get("items").get(0).get("id").asLong()).isEqualTo(station);
        assertThat(saved.get("items").get(0).get("holidayPolicy").asText()).isEqualTo("FOLLOW_CALENDAR");

        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("/dashboard", "数据看板");
        pages.put("/map", "覆盖地图");
        pages.put("/queues/review", "心愿审核");
        pages.put("/queues/dispatch", "派单");
        pages.put("/queues/disputes", "争议处理");
        pages.put("/queues/riders", "骑手审核");
        pages.put("/queues/party", "双报到审核");
        pages.put("/queues/volunteers", "志愿者申请");
        pages.put("/stations", "站点");
        pages.put("/rewards", "积分兑换与领取");
        pages.put("/people", "人员与角色");
        pages.put("/audit", "操作日志");
        pages.put("/exports", "台账导出");
        pages.put("/password", "修改密码");
        for (var page : pages.entrySet()) {
            browser.go(page.getKey());
            browser.waitForText("page-title", page.getValue());
            browser.waitForText("who", "");
            String shot = page.getKey().substring(1).replace('/', '-');
            if (page.getKey().startsWith("/queues/")) {
                browser.find("queue-" + page.getKey().substring("/queues/".length()));
            }
            browser.screenshot(shot);
        }
    }

    @Test
    void aPlatformAdminEnrolsAnAuthenticatorInTheBrowserThenSignsInWithItsCode() throws IOException {
        SignedIn platform = users.with(Role.PLATFORM);
        String name = newName("city");
        logins.setChosen(platform.id(), name, PASSWORD);

        browser.signIn(name, PASSWORD);
        String secret = browser.find("totp-secret").getText();
        assertThat(secret).matches("[A-Z2-7]{32}");
        browser.screenshot("login-enrol-authenticator");
        browser.type("totp", logins.code(secret));
        browser.click("submit");
        browser.waitForText("page-title", "数据看板");

        clock.set(clock.instant().plusSeconds(30)); // the next code: the one used above is spent
        browser.signIn(name, PASSWORD);
        browser.find("totp");
        browser.screenshot("login-authenticator-code");
        browser.type("totp", logins.code(secret));
        browser.click("submit");
        browser.waitForText("page-title", "数据看板");
        assertThat(browser.find("who").getText()).isNotBlank();

        // the audit log shows the setting of this login (by the platform admin of ConsoleTestLogins)
        browser.go("/audit");
        browser.type("audit-action", "console.login.set");
        browser.click("audit-search");
        browser.waitForText("audit", "loginName=" + name);
    }

    @Test
    void aVolunteerApplicationApprovedInTheBrowserIsApprovedInTheApi() throws IOException, InterruptedException {
        SignedIn admin = users.with(Role.ADMIN, chain.community());
        String name = newName("vol");
        logins.setChosen(admin.id(), name, PASSWORD);
        SignedIn resident = users.resident();
        long id = applications.apply(asCaller(resident), new ApplyRequest(chain.community(), "王志愿",
                List.of(VolunteerSkill.ELDERLY_CARE), "周末上午", "13800138000")).id();

        browser.signIn(name, PASSWORD);
        browser.waitForText("page-title", "数据看板");
        browser.go("/queues/volunteers");
        WebElement row = browser.find("row-" + id);
        assertThat(row.getText()).contains("王志愿");
        browser.screenshot("queues-volunteers-pending");
        browser.findIn(row, "approve").click();
        browser.waitForText("ok", "已通过 王志愿");

        JsonNode approved = apiGet(admin, "/api/v1/admin/volunteers/applications?communityId=" + chain.community()
                + "&status=APPROVED");
        assertThat(approved.get("items").findValuesAsText("id")).contains(String.valueOf(id));
        assertThat(roles.grantsOf(resident.id())).anySatisfy(g -> {
            assertThat(g.role()).isEqualTo(Role.VOLUNTEER);
            assertThat(g.scopeId()).isEqualTo(chain.community());
        });
        assertThat(browser.driver.findElements(By.cssSelector("[data-test='row-" + id + "']"))).isEmpty();
    }

    @Test
    void theRankingChartShowsTheApisNumbers() throws IOException, InterruptedException {
        long other = regions.communityIn(chain.street());
        fileReports(chain.community(), 2);
        fileReports(other, 1);
        SignedIn streetAdmin = users.with(Role.STREET_ADMIN, chain.street());
        String name = newName("street");
        logins.setChosen(streetAdmin.id(), name, PASSWORD);
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        String week = String.format("%d-W%02d", today.get(IsoFields.WEEK_BASED_YEAR), today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));

        browser.signIn(name, PASSWORD);
        browser.waitForText("page-title", "数据看板");
        browser.type("rank-week", week + Keys.ENTER);
        browser.waitForText("rank-title", "第" + today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + "周");
        JsonNode api = apiGet(streetAdmin, "/api/v1/admin/reports/rankings?level=COMMUNITY&week=" + week
                + "&streetId=" + chain.street());
        List<String> names = new ArrayList<>();
        List<Integer> filed = new ArrayList<>();
        api.get("rows").forEach(r -> {
            names.add(r.get("name").asText());
            filed.add(r.get("filed").asInt());
        });
        assertThat(filed).contains(2, 1);

        @SuppressWarnings("unchecked")
        Map<String, Object> option = (Map<String, Object>) browser.wait.until(d -> {
            Object o = browser.script("return window.__console && window.__console.rankingChart");
            return o != null && ((Map<?, ?>) ((Map<?, ?>) o).get("xAxis")).get("data").toString().equals(names.toString()) ? o : null;
        });
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> series = (List<Map<String, Object>>) option.get("series");
        assertThat(series.get(0).get("name")).isEqualTo("受理");
        assertThat(((List<?>) series.get(0).get("data")).stream().map(n -> ((Number) n).intValue()).toList())
                .as("the chart's 受理 bars equal the API's filed counts").isEqualTo(filed);
        for (JsonNode r : api.get("rows")) {
            WebElement row = browser.find("rank-row-" + r.get("id").asLong());
            assertThat(browser.findIn(row, "filed").getText()).isEqualTo(r.get("filed").asText());
            assertThat(browser.findIn(row, "resolved").getText()).isEqualTo(r.get("resolved").asText());
        }
        browser.screenshot("dashboard-ranking");
    }

    @Test
    void fiveWrongPasswordsLockTheLoginEvenForTheRightOne() throws IOException {
        SignedIn staff = users.with(Role.STAFF, 11);
        String name = newName("lock");
        logins.setChosen(staff.id(), name, PASSWORD);

        browser.signOut();
        for (int i = 1; i <= 4; i++) {
            browser.type("login-name", name);
            browser.type("password", "Wrong-pass-" + i);
            browser.click("submit");
            browser.waitForText("error", "64001");
        }
        browser.type("password", "Wrong-pass-5");
        browser.click("submit");
        browser.waitForText("error", "64002");
        browser.type("password", PASSWORD);
        browser.click("submit");
        browser.waitForText("error", "64002");
        browser.screenshot("login-locked");
    }

    @Test
    void theDashboardFitsAWallScreenOf1920By1080() throws IOException {
        SignedIn district = users.with(Role.DISTRICT_ADMIN, chain.district());
        String name = newName("wall");
        logins.setChosen(district.id(), name, PASSWORD);
        try {
            browser.resize(1920, 1080);
            browser.signIn(name, PASSWORD);
            browser.find("enrol"); // a district admin must enrol an authenticator too
            browser.type("totp", logins.code(browser.find("totp-secret").getText()));
            browser.click("submit");
            browser.waitForText("page-title", "数据看板");
            browser.find("chart-ranking");
            browser.screenshot("dashboard-1920x1080");
        } finally {
            browser.resize(1366, 768);
        }
    }

    private void fileReports(long community, int count) {
        WeChatStubs weChat = WeChatStubs.of(TestServers.get());
        weChat.accessToken();
        weChat.contentCheck("pass");
        for (int i = 0; i < 10 && weChatClient.checkText("o-warm-up", 3, "warm", "up").verdict()
                == WeChatClient.Verdict.UNAVAILABLE; i++) {
            // the first check of a JVM builds WxJava's client: wait until WireMock answers in time
        }
        for (int i = 0; i < count; i++) {
            SignedIn resident = users.resident();
            filing.file(asCaller(resident), new FileReportRequest(community, null, ReportCategory.LIGHTING,
                    "路灯不亮，晚上很黑。", List.of(), new BigDecimal("43.8378"), new BigDecimal("126.5496"), "3号楼北侧"));
        }
    }
}
