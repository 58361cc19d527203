package cn.doorstep.stats;

import static cn.doorstep.stats.WishStatsTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.doorstep.auth.TokenService;
import cn.doorstep.common.Role;
import cn.doorstep.points.PointsChanged;
import cn.doorstep.reward.RedemptionChanged;
import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.MutableClock;
import cn.doorstep.support.TestRegions;
import cn.doorstep.support.TestStations;
import cn.doorstep.support.TestUsers;
import cn.doorstep.support.TestUsers.SignedIn;
import cn.doorstep.user.UserService;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Points and rewards statistics, seeded once through the API in a fresh community of a fresh street and district.
 * Tuesday 2026-12-01 (China): its admin adjusts two members' points (+100 to the first, +50 and -20 to the second); the
 * first redeems the community's reward (30 points, 5 in stock) twice and the station's staff hand the first one over.
 * Wednesday 12-02: the first cancels the second redemption (its 30 points come back). A year on, 2027-12-02, the
 * second member's remaining 30 points have expired when they look at their account.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PointsStatsTest {

    static final String WEEK = "period=week&date=2026-12-02";
    static final String EXPIRY_DAY = "period=day&date=2027-12-02";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestUsers users;
    @Autowired
    TestRegions regions;
    @Autowired
    TestStations stations;
    @Autowired
    UserService userService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    StatsListener listener;
    @Autowired
    TokenService tokens;

    TestRegions.Chain chain;
    long community;
    long neighbour;
    long reward;
    SignedIn admin;

    @BeforeAll
    void seed() {
        clock.set(Instant.parse("2026-12-01T04:00:00Z"));
        chain = regions.chain();
        community = chain.community();
        neighbour = regions.communityIn(chain.street());
        admin = users.with(Role.ADMIN, community);
        long station = stations.at(community, 43.84, 126.55).named("积分驿站").create().id();
        SignedIn first = member();
        SignedIn second = member();
        adjust(first, 100);
        adjust(second, 50);
        adjust(second, -20);
        var made = mvc.post().uri("/api/v1/admin/rewards").header("Authorization", admin.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"stationId":%d,"kind":"GOODS","name":"大米","description":"五常大米 5kg","pointsPrice":30,"stock":5}
                        """.formatted(station)).exchange();
        ok(made);
        reward = Http.<Number>read(made, "$.data.id").longValue();
        var kept = redeem(first);
        var cancelled = redeem(first);
        ok(mvc.post().uri("/api/v1/staff/redemptions/redeem").header("Authorization", users.with(Role.STAFF, station).bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"" + Http.<String>read(kept, "$.data.code") + "\"}").exchange());

        clock.set(Instant.parse("2026-12-02T02:00:00Z"));
        ok(mvc.post().uri("/api/v1/redemptions/" + Http.<Number>read(cancelled, "$.data.id") + "/cancel")
                .header("Authorization", first.bearer()).exchange());

        clock.set(Instant.parse("2027-12-02T02:00:00Z")); // the tests read on, a year later: sessions signed in again
        second = new SignedIn(second.id(), tokens.issue(second.id()));
        admin = new SignedIn(admin.id(), tokens.issue(admin.id()));
        ok(mvc.get().uri("/api/v1/points/account").header("Authorization", second.bearer()).exchange());
        awaitFolds();
    }

    @AfterAll
    void resetClock() {
        clock.set(Instant.now());
    }

    @Test
    void aCommunityAdminSeesPointsIssuedSpentAndRedeemedByRewardWithTheStockBooks() {
        var reply = get(admin, "points?communityId=" + community + "&" + WEEK);

        assertThat(reply).hasStatusOk();
        assertThat(Http.<Integer>read(reply, "$.data.issued")).isEqualTo(150);
        assertThat(Http.<Map<String, Integer>>read(reply, "$.data.issuedByReason")).containsEntry("ADJUSTMENT", 150)
                .containsEntry("RIDER_CHECKIN", 0).hasSize(6);
        assertThat(Http.<Integer>read(reply, "$.data.deducted")).isEqualTo(20);
        assertThat(Http.<Integer>read(reply, "$.data.spent")).isEqualTo(60);
        assertThat(Http.<Integer>read(reply, "$.data.refunded")).isEqualTo(30);
        assertThat(Http.<Integer>read(reply, "$.data.expired")).isZero();
        assertThat(Http.<Integer>read(reply, "$.data.outstanding")).isEqualTo(70);
        assertThat(Http.<Integer>read(reply, "$.data.redemptions")).isEqualTo(1);
        assertThat(Http.<List<Map<String, Object>>>read(reply, "$.data.byReward")).containsExactly(
                Map.of("rewardId", (int) reward, "name", "大米", "redemptions", 1, "points", 30));
        assertThat(Http.<List<Map<String, Object>>>read(reply, "$.data.stock")).containsExactly(
                Map.of("rewardId", (int) reward, "name", "大米", "stock", 4, "stockedIn", 5, "redeemed", 1, "consistent", true));
        assertThat(Http.<Integer>read(reply, "$.data.inconsistentRewards")).isZero();
        assertThat(Http.<List<Map<String, Object>>>read(reply, "$.data.daily")).hasSize(7).contains(
                Map.of("date", "2026-12-01", "issued", 150, "spent", 60, "expired", 0, "redemptions", 1),
                Map.of("date", "2026-12-02", "issued", 0, "spent", 0, "expired", 0, "redemptions", 0));
    }

    @Test
    void expiredPointsCountOnTheDayTheyExpiredInTheCommunityTheyWereEarnedIn() {
        var reply = get(admin, "points?communityId=" + community + "&" + EXPIRY_DAY);

        assertThat(Http.<Integer>read(reply, "$.data.expired")).isEqualTo(30);
        assertThat(Http.<Integer>read(reply, "$.data.issued")).isZero();
    }

    @Test
    void theFiguresEqualDirectCountsOverThePointsAndRewardTables() {
        var week = get(admin, "points?communityId=" + community + "&" + WEEK);
        var expiry = get(admin, "points?communityId=" + community + "&" + EXPIRY_DAY);

        assertThat(Http.<Integer>read(week, "$.data.issued")).isEqualTo(sum("select sum(delta) from points_ledger"
                + " where community_id = ? and delta > 0 and reason not in ('REDEEM_REFUND')"));
        assertThat(Http.<Integer>read(week, "$.data.deducted")).isEqualTo(sum("select -sum(delta) from points_ledger"
                + " where community_id = ? and delta < 0 and reason = 'ADJUSTMENT'"));
        assertThat(Http.<Integer>read(week, "$.data.spent")).isEqualTo(sum("select -sum(delta) from points_ledger"
                + " where community_id = ? and reason = 'REDEEM'"));
        assertThat(Http.<Integer>read(week, "$.data.refunded")).isEqualTo(sum("select sum(delta) from points_ledger"
                + " where community_id = ? and reason = 'REDEEM_REFUND'"));
        assertThat(Http.<Integer>read(expiry, "$.data.expired")).isEqualTo(sum("select -sum(delta) from points_ledger"
                + " where community_id = ? and reason = 'EXPIRE'"));
        assertThat(Http.<Integer>read(week, "$.data.outstanding")).isEqualTo(sum("select sum(a.balance) from points_account a"
                + " join app_user u on u.id = a.user_id where u.community_id = ?"));
        assertThat(Http.<Integer>read(week, "$.data.redemptions")).isEqualTo(sum("select count(*) from redemption"
                + " where community_id = ? and status in ('PENDING', 'REDEEMED')"));
        assertThat(Http.<Integer>read(week, "$.data.stock[0].stock") + Http.<Integer>read(week, "$.data.stock[0].redeemed"))
                .isEqualTo(jdbc.queryForObject("select sum(quantity) from reward_stock_in where reward_id = ?",
                        Integer.class, reward));
    }

    @Test
    void aRewardWhoseStockDoesNotAddUpIsFlagged() {
        jdbc.update("update reward set stock = stock + 1 where id = ?", reward);
        try {
            var reply = get(admin, "points?communityId=" + community + "&" + WEEK);

            assertThat(Http.<Boolean>read(reply, "$.data.stock[0].consistent")).isFalse();
            assertThat(Http.<Integer>read(reply, "$.data.inconsistentRewards")).isEqualTo(1);
        } finally {
            jdbc.update("update reward set stock = stock - 1 where id = ?", reward);
        }
    }

    @Test
    void aRedeliveredEventChangesNothingAndARebuildWritesTheSameRows() {
        var folded = rows();
        assertThat(folded).isNotEmpty();
        listener.on(new PointsChanged(community, LocalDate.of(2026, 12, 1)));
        listener.on(new RedemptionChanged(community, LocalDate.of(2026, 12, 1)));
        assertThat(rows()).isEqualTo(folded);

        jdbc.update("delete from stats_daily where community_id = ? and metric like 'points.%'", community);
        SignedIn platform = users.with(Role.PLATFORM, 0);
        for (String range : List.of("{\"from\":\"2026-12-01\",\"to\":\"2026-12-02\"}", "{\"from\":\"2027-12-02\",\"to\":\"2027-12-02\"}")) {
            assertThat(mvc.post().uri("/api/v1/admin/stats/rebuild").header("Authorization", platform.bearer())
                    .contentType(MediaType.APPLICATION_JSON).content(range)).hasStatusOk();
        }
        assertThat(rows()).isEqualTo(folded);
    }

    @Test
    void scopesAreChecked() {
        assertThat(get(admin, "points?communityId=" + community + "&" + WEEK)).hasStatusOk();
        assertRefused(get(admin, "points?communityId=" + neighbour), 403, 62001, null);
        assertRefused(get(admin, "points?streetId=" + chain.street()), 403, 62001, null);
        assertRefused(get(admin, "points"), 403, 62001, null);

        SignedIn street = users.with(Role.STREET_ADMIN, chain.street());
        var streetReply = get(street, "points?streetId=" + chain.street() + "&" + WEEK);
        assertThat(streetReply).hasStatusOk();
        assertThat(Http.<Integer>read(streetReply, "$.data.issued")).isEqualTo(150);
        assertThat(Http.<String>read(streetReply, "$.data.scope.level")).isEqualTo("STREET");
        assertRefused(get(street, "points?districtId=" + chain.district()), 403, 62001, null);
        assertRefused(get(street, "points"), 403, 62001, null);

        SignedIn district = users.with(Role.DISTRICT_ADMIN, chain.district());
        var districtReply = get(district, "points?districtId=" + chain.district() + "&" + WEEK);
        assertThat(Http.<Integer>read(districtReply, "$.data.spent")).isEqualTo(60);
        assertThat(get(district, "points?communityId=" + neighbour)).hasStatusOk();
        assertRefused(get(district, "points?districtId=" + regions.chain().district()), 403, 62001, null);
        assertRefused(get(district, "points"), 403, 62001, null);

        SignedIn platform = users.with(Role.PLATFORM, 0);
        var city = get(platform, "points?" + WEEK);
        assertThat(city).hasStatusOk();
        assertThat(Http.<String>read(city, "$.data.scope.level")).isEqualTo("CITY");
        assertThat(Http.<Integer>read(city, "$.data.issued")).isGreaterThanOrEqualTo(150);
        assertRefused(get(platform, "points?communityId=999999999"), 400, 62002, "communityId");

        var empty = get(users.with(Role.ADMIN, neighbour), "points?communityId=" + neighbour + "&" + WEEK);
        assertThat(Http.<Integer>read(empty, "$.data.issued")).isZero();
        assertThat(Http.<List<Object>>read(empty, "$.data.stock")).isEmpty();
        assertThat(get(users.resident(), "points?communityId=" + community)).hasStatus(403);
    }

    @Test
    void refusesBadInputNamingTheField() {
        String scope = "points?communityId=" + community;
        assertRefused(get(admin, scope + "&period=year"), 400, 62003, "period");
        assertRefused(get(admin, scope + "&period=month&to=2026-12-01"), 400, 62003, "to");
        assertRefused(get(admin, scope + "&period=custom&from=2026-12-02&to=2026-12-01"), 400, 62003, "to");
        assertRefused(get(admin, "points?communityId=x"), 400, 10000, null);
        assertRefused(get(admin, scope + "&date=2026-13-01"), 400, 10000, null);
        assertRefused(get(admin, scope + "&streetId=" + chain.street()), 400, 62002, null);
    }

    private SignedIn member() {
        SignedIn who = users.resident();
        userService.bindPhone(who.id(), "136" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)));
        ok(mvc.patch().uri("/api/v1/me").header("Authorization", who.bearer()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"communityId\":" + community + "}").exchange());
        return who;
    }

    private void adjust(SignedIn who, long delta) {
        ok(mvc.post().uri("/api/v1/admin/points/adjustments").header("Authorization", admin.bearer())
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"userId\":" + who.id() + ",\"delta\":" + delta + ",\"reason\":\"志愿服务补录\"}").exchange());
    }

    private MvcTestResult redeem(SignedIn who) {
        var reply = mvc.post().uri("/api/v1/redemptions").header("Authorization", who.bearer())
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"rewardId\":" + reward + ",\"quantity\":1}").exchange();
        ok(reply);
        return reply;
    }

    private int sum(String sql) {
        Integer n = jdbc.queryForObject(sql, Integer.class, community);
        return n == null ? 0 : n;
    }

    private void awaitFolds() {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from EVENT_PUBLICATION"
                + " where EVENT_TYPE like 'cn.doorstep.%' and LISTENER_ID like '%StatsListener%' and COMPLETION_DATE is null",
                Integer.class) == 0);
    }

    private List<Map<String, Object>> rows() {
        return new ArrayList<>(jdbc.queryForList("select metric, day, station_id, dimension, value from stats_daily"
                + " where community_id = ? and metric like 'points.%' order by metric, day, station_id, dimension", community));
    }

    private MvcTestResult get(SignedIn who, String path) {
        return mvc.get().uri("/api/v1/admin/stats/" + path).header("Authorization", who.bearer()).exchange();
    }

    private static void ok(MvcTestResult reply) {
        if (reply.getResponse().getStatus() != 200) {
            throw new AssertionError("seeding failed: " + reply.getResponse().getStatus() + " " + Http.body(reply));
        }
    }
}
