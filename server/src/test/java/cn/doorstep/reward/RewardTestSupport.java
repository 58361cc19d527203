package cn.doorstep.reward;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.common.Role;
import cn.doorstep.media.MediaService;
import cn.doorstep.points.Award;
import cn.doorstep.points.ConsistencyReport;
import cn.doorstep.points.PointsReason;
import cn.doorstep.points.PointsService;
import cn.doorstep.support.Http;
import cn.doorstep.support.MutableClock;
import cn.doorstep.support.SqlStatements;
import cn.doorstep.support.TestImages;
import cn.doorstep.support.TestRegions;
import cn.doorstep.support.TestStations;
import cn.doorstep.support.TestUsers.SignedIn;
import cn.doorstep.support.TestUsers;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The people and places of a reward test (a fresh community with one station, its admin and staff),
 * the requests they make, and what MySQL and Redis hold. Every test ends with the consistency report.
 */
abstract class RewardTestSupport {

    static final Instant NOW = Instant.parse("2026-12-01T04:00:00Z");

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestUsers users;
    @Autowired
    TestRegions regions;
    @Autowired
    TestStations stations;
    @Autowired
    PointsService points;
    @Autowired
    ConsistencyReport consistency;
    @Autowired
    MediaService media;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    MutableClock clock;
    @Autowired
    SqlStatements sql;

    long community;
    long station;
    SignedIn admin;
    SignedIn staff;

    @BeforeEach
    void setUpPlace() {
        clock.set(NOW);
        community = regions.community();
        station = stations.at(community, 43.84, 126.55).named("兑换驿站").create().id();
        admin = users.with(Role.ADMIN, community);
        staff = users.with(Role.STAFF, station);
        // service earns 10 a unit here without caps, so a test can give anyone any round amount
        jdbc.update("insert into points_rule (community_id, kind, points_per_unit, updated_by, updated_at) "
                + "values (?, 'VOLUNTEER_SERVICE', 10, 0, utc_timestamp(3))", community);
    }

    @AfterEach
    void booksBalance() {
        clock.set(Instant.now());
        var report = consistency.run();
        assertThat(report.consistent()).as("consistency report %s", report).isTrue();
    }

    /** A new resident holding {@code amount} points (a multiple of 10). */
    SignedIn residentWith(long amount) {
        SignedIn who = users.resident();
        if (amount > 0) {
            earn(who, amount);
        }
        return who;
    }

    /** People for a race, each holding {@code amount} points (made one after another: the race is not theirs). */
    List<SignedIn> residentsWith(int count, long amount) {
        var people = new ArrayList<SignedIn>();
        for (int i = 0; i < count; i++) {
            people.add(residentWith(amount));
        }
        return people;
    }

    void earn(SignedIn who, long amount) {
        earnIn(who, amount, community);
    }

    /** Points earned in a community whose rule gives 10 a unit. */
    void earnIn(SignedIn who, long amount, long communityId) {
        var award = new Award(who.id(), PointsReason.VOLUNTEER_SERVICE, "test", UUID.randomUUID().toString(),
                BigDecimal.valueOf(amount / 10), communityId, LocalDate.of(2026, 12, 1), null, null);
        assertThat(points.award(award).points()).isEqualTo(amount);
    }

    String rewardJson(long stationId, String name, int price, int stock, Integer limit) {
        return """
                {"stationId":%d,"kind":"GOODS","name":"%s","description":"五常大米 5kg","pointsPrice":%d,"stock":%d,
                 "perUserLimit":%s}
                """.formatted(stationId, name, price, stock, limit);
    }

    /** A reward at the test's station, made by its admin over HTTP. */
    long reward(int price, int stock, Integer limit) {
        MvcTestResult reply = mvc.post().uri("/api/v1/admin/rewards").header("Authorization", admin.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(rewardJson(station, "大米", price, stock, limit)).exchange();
        assertThat(reply).hasStatusOk();
        return idOf(reply);
    }

    MvcTestResult redeem(SignedIn who, long rewardId, int quantity, String key) {
        return mvc.post().uri("/api/v1/redemptions").header("Authorization", who.bearer())
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                .content("{\"rewardId\":" + rewardId + ",\"quantity\":" + quantity + "}").exchange();
    }

    MvcTestResult redeem(SignedIn who, long rewardId) {
        return redeem(who, rewardId, 1, key());
    }

    MvcTestResult cancel(SignedIn who, long redemptionId) {
        return mvc.post().uri("/api/v1/redemptions/" + redemptionId + "/cancel").header("Authorization", who.bearer())
                .exchange();
    }

    MvcTestResult handOver(SignedIn who, String code) {
        return mvc.post().uri("/api/v1/staff/redemptions/redeem").header("Authorization", who.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"" + code + "\"}").exchange();
    }

    /** A photo WeChat's media check passed. */
    String photoUrl(SignedIn owner) {
        String url = uncheckedPhotoUrl(owner);
        jdbc.update("update media_image set check_status = 'PASSED' where path = ?", pathOf(url));
        return url;
    }

    /** A photo as the upload leaves it: WeChat has not passed it (nothing stubbed answers the media check). */
    String uncheckedPhotoUrl(SignedIn owner) {
        return media.store(owner.id(), TestImages.png(6, 4)).url();
    }

    static String pathOf(String url) {
        return url.substring(url.indexOf("/media/") + "/media/".length());
    }

    static long idOf(MvcTestResult reply) {
        Number id = Http.read(reply, "$.data.id");
        return id.longValue();
    }

    static String key() {
        return UUID.randomUUID().toString();
    }

    long balance(SignedIn who) {
        Long balance = jdbc.queryForObject("select coalesce(max(balance), 0) from points_account where user_id = ?",
                Long.class, who.id());
        return balance == null ? 0 : balance;
    }

    int stockInMySql(long rewardId) {
        return jdbc.queryForObject("select stock from reward where id = ?", Integer.class, rewardId);
    }

    String stockInRedis(long rewardId) {
        return redis.opsForValue().get("reward:{" + rewardId + "}:stock");
    }

    int redemptions(long rewardId) {
        return jdbc.queryForObject("select count(*) from redemption where reward_id = ?", Integer.class, rewardId);
    }

    int liveUnits(long rewardId) {
        return jdbc.queryForObject("select coalesce(sum(quantity), 0) from redemption where reward_id = ? "
                + "and status in ('PENDING', 'REDEEMED')", Integer.class, rewardId);
    }

    String status(long redemptionId) {
        return jdbc.queryForObject("select status from redemption where id = ?", String.class, redemptionId);
    }

    int ledgerEntries(SignedIn who, String reason) {
        return jdbc.queryForObject("select count(*) from points_ledger where user_id = ? and reason = ?", Integer.class,
                who.id(), reason);
    }
}
