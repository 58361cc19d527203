package cn.doorstep.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.doorstep.common.Role;
import cn.doorstep.party.PartyChanged;
import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.TestUsers.SignedIn;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * 双报到 statistics, seeded through the API at pinned times in a year no other test uses. Street S (communities
 * C1, C2). Unit U1 and U2. Sunday 2032-02-29: m2 (home C1, U1) confirmed; m2 serves a C1 wish confirmed that day
 * (rated 5). Tuesday 03-02 00:30 China (Monday in UTC): m1 (C1, U1) confirmed; 03-02: m3 (C2, U2) confirmed; m4 (C1,
 * U2) stays pending, m5 (C1, U1) is rejected. 03-03: m1 serves a C1 wish (rated 4); 03-04: m3 serves a C1 wish
 * (rated 2); 03-05: m3 serves a C2 wish (rated 3); a volunteer who is no member serves a C1 wish (not counted).
 * Every fulfilment reports 1.5 hours.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartyStatsTest extends StatsTestSupport {

    static final String WEEK = "period=week&date=2032-03-03";

    @Autowired
    StatsListener listener;

    long district;
    long street;
    long c1;
    long c2;
    long u1;
    long u2;
    SignedIn admin1;

    @BeforeAll
    void seed() {
        clock.set(Instant.parse("2032-02-29T01:00:00Z"));
        weChatPasses();
        var chain = regions.chain();
        district = chain.district();
        street = chain.street();
        c1 = chain.community();
        c2 = regions.communityIn(street);
        SignedIn platform = users.with(Role.PLATFORM, 0);
        u1 = unit(platform, "统计一局", c1);
        u2 = unit(platform, "统计二局", c2);
        admin1 = users.with(Role.ADMIN, c1);
        SignedIn admin2 = users.with(Role.ADMIN, c2);
        SignedIn m1 = users.resident();
        SignedIn m2 = users.resident();
        SignedIn m3 = users.resident();
        SignedIn m4 = users.resident();
        SignedIn m5 = users.resident();
        long r1 = register(m1, c1, u1);
        long r2 = register(m2, c1, u1);
        long r3 = register(m3, c2, u2);
        register(m4, c1, u2);
        long r5 = register(m5, c1, u1);

        clock.set(Instant.parse("2032-02-29T02:00:00Z"));
        review(admin1, r2, "confirm", "{\"version\":0}");
        review(admin1, r5, "reject", "{\"version\":0,\"reason\":\"单位不符\"}");
        SignedIn poster = poster();
        served(m2, poster, c1, 5, "2032-02-29T03:00:00Z");
        clock.set(Instant.parse("2032-03-01T16:30:00Z"));
        review(admin1, r1, "confirm", "{\"version\":0}");
        clock.set(Instant.parse("2032-03-02T02:00:00Z"));
        review(admin2, r3, "confirm", "{\"version\":0}");
        served(m1, poster, c1, 4, "2032-03-03T01:00:00Z");
        served(m3, poster, c1, 2, "2032-03-04T01:00:00Z");
        served(m3, poster, c2, 3, "2032-03-05T01:00:00Z");
        served(volunteerOf(c1), poster, c1, 5, "2032-03-05T03:00:00Z");

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from party_service where community_id in (?, ?)", Integer.class, c1, c2) == 4);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from EVENT_PUBLICATION"
                + " where EVENT_TYPE = 'cn.doorstep.party.PartyChanged' and COMPLETION_DATE is null", Integer.class) == 0);
    }

    @Test
    void aStreetAdminSeesTheMembersByUnitAndTheUnitsServiceOfTheWeek() {
        var reply = get(users.with(Role.STREET_ADMIN, street), "party?streetId=" + street + "&" + WEEK);

        assertThat(reply).hasStatusOk();
        assertThat(Http.<Integer>read(reply, "$.data.members")).isEqualTo(3);
        assertThat(Http.<Integer>read(reply, "$.data.newMembers")).isEqualTo(2);
        assertThat(Http.<Map<String, Object>>read(reply, "$.data.service"))
                .isEqualTo(Map.of("wishesFulfilled", 3, "hours", 4.5, "averageRating", 3.0));
        assertThat(Http.<List<Object>>read(reply, "$.data.units")).hasSize(2);
        assertThat(Http.<Map<String, Object>>read(reply, "$.data.units[0]")).containsEntry("unitId", (int) u1)
                .containsEntry("members", 2).containsEntry("newMembers", 1)
                .containsEntry("service", Map.of("wishesFulfilled", 1, "hours", 1.5, "averageRating", 4.0))
                .containsEntry("months", List.of(Map.of("month", "2032-03",
                        "service", Map.of("wishesFulfilled", 1, "hours", 1.5, "averageRating", 4.0))));
        assertThat(Http.<String>read(reply, "$.data.units[0].unitName")).startsWith("统计一局");
        assertThat(Http.<Map<String, Object>>read(reply, "$.data.units[1]")).containsEntry("unitId", (int) u2)
                .containsEntry("members", 1).containsEntry("newMembers", 1)
                .containsEntry("service", Map.of("wishesFulfilled", 2, "hours", 3.0, "averageRating", 2.5));
    }

    @Test
    void aCommunityCountsItsOwnMembersAndTheServiceDoneForItsWishes() {
        var reply = get(admin1, "party?communityId=" + c1 + "&" + WEEK);

        assertThat(Http.<Integer>read(reply, "$.data.members")).isEqualTo(2); // m1, m2: m4 pending, m5 rejected
        assertThat(Http.<Map<String, Object>>read(reply, "$.data.units[1]")).containsEntry("unitId", (int) u2)
                .containsEntry("members", 0) // m3 reported to C2, but served a wish of C1
                .containsEntry("service", Map.of("wishesFulfilled", 1, "hours", 1.5, "averageRating", 2.0));
    }

    @Test
    void aCustomPeriodListsEveryMonthItTouchesAndADayIsAChinaDay() {
        var reply = get(admin1, "party?communityId=" + c1 + "&period=custom&from=2032-02-23&to=2032-03-07");

        assertThat(Http.<List<Map<String, Object>>>read(reply, "$.data.units[0].months")).containsExactly(
                Map.of("month", "2032-02", "service", Map.of("wishesFulfilled", 1, "hours", 1.5, "averageRating", 5.0)),
                Map.of("month", "2032-03", "service", Map.of("wishesFulfilled", 1, "hours", 1.5, "averageRating", 4.0)));
        assertThat(Http.<Integer>read(get(admin1, "party?communityId=" + c1 + "&date=2032-03-01"), "$.data.newMembers")).isZero();
        assertThat(Http.<Integer>read(get(admin1, "party?communityId=" + c1 + "&date=2032-03-02"), "$.data.newMembers")).isEqualTo(1);
        var before = get(admin1, "party?communityId=" + c1 + "&date=2032-02-28");
        assertThat(Http.<Integer>read(before, "$.data.members")).isZero();
        assertThat(Http.<Object>read(before, "$.data.service.averageRating")).isNull();
    }

    @Test
    void theFiguresEqualDirectCountsOverThePartyTables() {
        var reply = get(users.with(Role.DISTRICT_ADMIN, district), "party?districtId=" + district + "&" + WEEK);
        Instant start = Instant.parse("2032-02-29T16:00:00Z");
        Instant end = Instant.parse("2032-03-07T16:00:00Z");

        assertThat(Http.<Integer>read(reply, "$.data.members").longValue()).isEqualTo(jdbc.queryForObject(
                "select count(*) from party_registration where community_id in (?, ?) and status = 'CONFIRMED'"
                        + " and reviewed_at < ?", Long.class, c1, c2, Timestamp.from(end)));
        for (long unit : List.of(u1, u2)) {
            Map<String, Object> direct = jdbc.queryForMap("select count(*) n, sum(hours) h, avg(rating) r from party_service"
                    + " where unit_id = ? and confirmed_at >= ? and confirmed_at < ?", unit, Timestamp.from(start), Timestamp.from(end));
            Map<String, Object> unitRow = Http.<List<Map<String, Object>>>read(reply, "$.data.units[?(@.unitId == " + unit + ")]").get(0);
            @SuppressWarnings("unchecked")
            Map<String, Object> service = (Map<String, Object>) unitRow.get("service");
            assertThat(((Number) service.get("wishesFulfilled")).longValue()).isEqualTo(((Number) direct.get("n")).longValue());
            assertThat(new BigDecimal(service.get("hours").toString())).isEqualByComparingTo((BigDecimal) direct.get("h"));
            assertThat(new BigDecimal(service.get("averageRating").toString()))
                    .isEqualByComparingTo(((BigDecimal) direct.get("r")).setScale(1, java.math.RoundingMode.HALF_UP));
        }
    }

    @Test
    void aRedeliveredEventChangesNothingAndARebuildWritesTheSameRows() {
        var folded = rows();
        assertThat(folded).isNotEmpty();

        listener.on(new PartyChanged(c1, LocalDate.of(2032, 3, 3)));
        listener.on(new PartyChanged(c1, LocalDate.of(2032, 3, 2)));
        assertThat(rows()).isEqualTo(folded);

        jdbc.update("delete from stats_daily where community_id = ? and metric like 'party.%'", c1);
        clock.set(Instant.parse("2032-03-08T01:00:00Z"));
        assertThat(mvc.post().uri("/api/v1/admin/stats/rebuild").header("Authorization", users.with(Role.PLATFORM, 0).bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"from\":\"2032-02-29\",\"to\":\"2032-03-07\"}")).hasStatusOk();
        assertThat(rows()).isEqualTo(folded);
    }

    @Test
    void scopesAreCheckedAsForEveryStatistic() {
        assertThat(get(users.with(Role.ADMIN, c2), "party?communityId=" + c2 + "&" + WEEK)).hasStatusOk();
        assertThat(get(users.with(Role.PLATFORM, 0), "party?" + WEEK)).hasStatusOk();
        assertThat(get(users.with(Role.DISTRICT_ADMIN, district), "party?streetId=" + street + "&" + WEEK)).hasStatusOk();
        WishStatsTest.assertRefused(get(admin1, "party?communityId=" + c2), 403, 62001, null);
        WishStatsTest.assertRefused(get(admin1, "party?streetId=" + street), 403, 62001, null);
        WishStatsTest.assertRefused(get(admin1, "party"), 403, 62001, null);
        WishStatsTest.assertRefused(get(users.with(Role.STREET_ADMIN, street), "party?districtId=" + district), 403, 62001, null);
        WishStatsTest.assertRefused(get(users.with(Role.STREET_ADMIN, street), "party?streetId=" + regions.streetIn(district)),
                403, 62001, null);
        WishStatsTest.assertRefused(get(users.with(Role.DISTRICT_ADMIN, district), "party?districtId=" + district
                + "&streetId=" + street), 400, 62002, "districtId");
        WishStatsTest.assertRefused(get(users.with(Role.PLATFORM, 0), "party?communityId=999999999"), 400, 62002, "communityId");
        WishStatsTest.assertRefused(get(admin1, "party?communityId=" + c1 + "&period=custom&from=2032-03-01"), 400, 62003, "to");
        assertThat(get(users.resident(), "party?communityId=" + c1)).hasStatus(403);
        assertThat(get(users.with(Role.UNIT_ADMIN, u1), "party?communityId=" + c1)).hasStatus(403);
    }

    private long unit(SignedIn platform, String name, long community) {
        var reply = mvc.post().uri("/api/v1/admin/party/units").header("Authorization", platform.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"" + name + UUID.randomUUID().toString()
                        .substring(0, 8) + "\",\"communityIds\":[" + community + "]}").exchange();
        return Http.<Number>read(ok(reply), "$.data.id").longValue();
    }

    private long register(SignedIn member, long community, long unit) {
        var reply = mvc.post().uri("/api/v1/party/registrations").header("Authorization", member.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"communityId\":" + community + ",\"unitId\":" + unit + ",\"realName\":\"王党员\"}").exchange();
        return Http.<Number>read(ok(reply), "$.data.id").longValue();
    }

    private void review(SignedIn admin, long registration, String action, String body) {
        ok(mvc.post().uri("/api/v1/admin/party/registrations/" + registration + "/" + action)
                .header("Authorization", admin.bearer()).contentType(MediaType.APPLICATION_JSON).content(body).exchange());
    }

    /** A wish of the community posted at {@code at}, claimed and fulfilled (1.5 h) by the member, confirmed two hours later. */
    private void served(SignedIn member, SignedIn poster, long community, int rating, String at) {
        Instant t = Instant.parse(at);
        long wish = postAt(poster, community, "REPAIRS", at);
        claimAt(member, wish, t.plusSeconds(600).toString());
        fulfilAt(member, wish, t.plusSeconds(3600).toString());
        confirmAt(poster, wish, rating, t.plusSeconds(7200).toString());
    }

    private List<Map<String, Object>> rows() {
        return new ArrayList<>(jdbc.queryForList("select metric, day, station_id, dimension, value from stats_daily"
                + " where community_id = ? and metric like 'party.%' order by metric, day, station_id, dimension", c1));
    }

    private static MvcTestResult ok(MvcTestResult reply) {
        if (reply.getResponse().getStatus() != 200) {
            throw new AssertionError("seeding failed: " + reply.getResponse().getStatus() + " " + Http.body(reply));
        }
        return reply;
    }
}
