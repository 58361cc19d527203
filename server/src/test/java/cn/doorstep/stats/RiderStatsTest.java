package cn.doorstep.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.doorstep.common.Role;
import cn.doorstep.rider.RiderCheckedIn;
import cn.doorstep.station.StationKind;
import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.MutableClock;
import cn.doorstep.support.TestPlaces;
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
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Rider statistics of the week Monday 2026-11-30 to Sunday 2026-12-06 (China time), seeded through the API: two riders
 * homed in a fresh community register on Tuesday 12-01, one is verified that day and checks in at both of its warm
 * stations (and again at the first, which does not count), and at the first again on Wednesday 00:30 (12-01T16:30Z),
 * when they also take a points statement as a member of the community.
 */
@IntegrationTest
class RiderStatsTest {

    static final String WEEK = "period=week&date=2026-12-02";

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

    long community;
    long w1;
    long w2;
    SignedIn admin;
    SignedIn rider;

    @BeforeEach
    void seed() {
        clock.set(Instant.parse("2026-12-01T04:00:00Z"));
        community = regions.community();
        admin = users.with(Role.ADMIN, community);
        w1 = warmStation();
        w2 = warmStation();
        rider = rider();
        long riderId = Http.<Number>read(register(rider), "$.data.id").longValue();
        ok(register(rider()));
        int version = jdbc.queryForObject("select version from rider where id = ?", Integer.class, riderId);
        ok(mvc.post().uri("/api/v1/admin/riders/" + riderId + "/verify").header("Authorization", admin.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + version + "}").exchange());
        ok(checkIn(w1));
        ok(checkIn(w2));
        ok(checkIn(w1));
        clock.set(Instant.parse("2026-12-01T16:30:00Z"));
        ok(checkIn(w1));
        ok(mvc.patch().uri("/api/v1/me").header("Authorization", rider.bearer()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"communityId\":" + community + "}").exchange());
        ok(mvc.post().uri("/api/v1/points/statements").header("Authorization", rider.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"from\":\"2026-12-01\",\"to\":\"2026-12-02\"}").exchange());
        clock.set(Instant.parse("2026-12-03T02:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from EVENT_PUBLICATION"
                + " where EVENT_TYPE like 'cn.doorstep.%' and LISTENER_ID like '%StatsListener%' and COMPLETION_DATE is null",
                Integer.class) == 0);
    }

    @AfterEach
    void resetClock() {
        clock.set(Instant.now());
    }

    @Test
    void aCommunityAdminSeesCheckInsByStationAndDayRegistrationsAndStatements() {
        var reply = get(admin, "riders?communityId=" + community + "&" + WEEK);

        assertThat(reply).hasStatusOk();
        assertThat(Http.<Integer>read(reply, "$.data.checkins")).isEqualTo(3);
        assertThat(Http.<Integer>read(reply, "$.data.registered")).isEqualTo(2);
        assertThat(Http.<Integer>read(reply, "$.data.verified")).isEqualTo(1);
        assertThat(Http.<Integer>read(reply, "$.data.verifiedRiders")).isEqualTo(1);
        assertThat(Http.<Integer>read(reply, "$.data.statementsIssued")).isEqualTo(1);
        assertThat(Http.<List<Map<String, Object>>>read(reply, "$.data.byStation")).extracting(m -> m.get("checkins"))
                .containsExactly(2, 1);
        assertThat(Http.<List<Map<String, Object>>>read(reply, "$.data.daily")).hasSize(7)
                .contains(Map.of("date", "2026-12-01", "checkins", 2, "registered", 2, "verified", 1, "statementsIssued", 0),
                        Map.of("date", "2026-12-02", "checkins", 1, "registered", 0, "verified", 0, "statementsIssued", 1));
    }

    @Test
    void theFiguresEqualDirectCountsOverTheRiderTables() {
        var reply = get(admin, "riders?communityId=" + community + "&" + WEEK);

        assertThat(Http.<Integer>read(reply, "$.data.checkins")).isEqualTo(jdbc.queryForObject(
                "select count(*) from rider_checkin where station_id in (?, ?)", Integer.class, w1, w2));
        assertThat(Http.<Integer>read(reply, "$.data.registered")).isEqualTo(jdbc.queryForObject(
                "select count(*) from rider where home_community_id = ?", Integer.class, community));
        assertThat(Http.<Integer>read(reply, "$.data.verifiedRiders")).isEqualTo(jdbc.queryForObject(
                "select count(*) from rider where home_community_id = ? and status = 'VERIFIED'", Integer.class, community));
        assertThat(Http.<Integer>read(reply, "$.data.statementsIssued")).isEqualTo(jdbc.queryForObject(
                "select count(*) from points_statement where community_id = ?", Integer.class, community));
    }

    @Test
    void aRedeliveredCheckInChangesNothingAndARebuildWritesTheSameRows() {
        var folded = rows();
        listener.on(new RiderCheckedIn(1, rider.id(), w1, community, LocalDate.of(2026, 12, 1)));
        assertThat(rows()).isEqualTo(folded);

        jdbc.update("delete from stats_daily where community_id = ?", community);
        assertThat(mvc.post().uri("/api/v1/admin/stats/rebuild").header("Authorization", users.with(Role.PLATFORM, 0).bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"from\":\"2026-11-30\",\"to\":\"2026-12-03\"}")).hasStatusOk();
        assertThat(rows()).isNotEmpty().isEqualTo(folded);
    }

    @Test
    void scopesAreChecked() {
        long other = regions.community();
        assertThat(get(users.with(Role.PLATFORM, 0), "riders?" + WEEK)).hasStatusOk();
        WishStatsTest.assertRefused(get(admin, "riders?communityId=" + other), 403, 62001, null);
        WishStatsTest.assertRefused(get(admin, "riders"), 403, 62001, null);
        WishStatsTest.assertRefused(get(admin, "riders?communityId=" + community + "&period=month&to=2026-12-01"), 400, 62003, "to");
        assertThat(get(rider, "riders?communityId=" + community)).hasStatus(403);
    }

    private long warmStation() {
        var place = TestPlaces.next();
        return stations.at(community, place.lat(), place.lng()).kinds(StationKind.WARM).create().id();
    }

    private SignedIn rider() {
        SignedIn who = users.resident();
        userService.bindPhone(who.id(), "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)));
        return who;
    }

    private MvcTestResult register(SignedIn who) {
        return mvc.post().uri("/api/v1/riders/registration").header("Authorization", who.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"platform\":\"MEITUAN\",\"realName\":\"王师傅\",\"homeCommunityId\":" + community + "}").exchange();
    }

    private MvcTestResult checkIn(long station) {
        String code = Http.read(mvc.get().uri("/api/v1/staff/stations/" + station + "/checkin-code")
                .header("Authorization", users.with(Role.STAFF, station).bearer()).exchange(), "$.data.qrContent");
        return mvc.post().uri("/api/v1/riders/check-ins").header("Authorization", rider.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"" + code + "\"}").exchange();
    }

    private List<Map<String, Object>> rows() {
        return new ArrayList<>(jdbc.queryForList("select metric, day, station_id, dimension, value from stats_daily"
                + " where community_id = ? order by metric, day, station_id, dimension", community));
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
