package cn.doorstep.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.doorstep.common.Role;
import cn.doorstep.party.PartyServiceRecorded;
import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.TestUsers.SignedIn;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * 双报到 statistics, seeded through the API: a unit 包联 a fresh community; two of its members are confirmed, a third
 * is pending. Member 1 fulfils a wish confirmed on Monday 2026-11-30 (rated 5), member 2 one confirmed on Tuesday
 * 2026-12-01 (rated 4), each reporting 1.5 hours: one service in each month.
 */
@IntegrationTest
class PartyStatsTest extends StatsTestSupport {

    static final String PERIOD = "period=custom&from=2026-11-01&to=2026-12-31";

    @Autowired
    StatsListener listener;

    long community;
    long unit;
    SignedIn admin;

    @BeforeEach
    void seed() {
        clock.set(Instant.parse("2026-11-30T01:00:00Z"));
        weChatPasses();
        community = regions.community();
        admin = users.with(Role.ADMIN, community);
        SignedIn platform = users.with(Role.PLATFORM, 0);
        unit = Http.<Number>read(ok(mvc.post().uri("/api/v1/admin/party/units").header("Authorization", platform.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"统计单位" + UUID.randomUUID().toString()
                        .substring(0, 8) + "\",\"communityIds\":[" + community + "]}").exchange()), "$.data.id").longValue();
        SignedIn m1 = member(true);
        SignedIn m2 = member(true);
        member(false);
        SignedIn poster = poster();

        long w1 = postAt(poster, community, "REPAIRS", "2026-11-30T02:00:00Z");
        claimAt(m1, w1, "2026-11-30T02:10:00Z");
        fulfilAt(m1, w1, "2026-11-30T03:00:00Z");
        confirmAt(poster, w1, 5, "2026-11-30T05:00:00Z");
        long w2 = postAt(poster, community, "COMPANY", "2026-12-01T02:00:00Z");
        claimAt(m2, w2, "2026-12-01T02:10:00Z");
        fulfilAt(m2, w2, "2026-12-01T03:00:00Z");
        confirmAt(poster, w2, 4, "2026-12-01T04:00:00Z");
        clock.set(Instant.parse("2026-12-02T02:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from EVENT_PUBLICATION"
                + " where COMPLETION_DATE is null and (LISTENER_ID like '%StatsListener%' or LISTENER_ID like '%UnitServiceReports%')",
                Integer.class) == 0);
    }

    @AfterEach
    void resetClock() {
        clock.set(Instant.now());
    }

    @Test
    void aCommunityAdminSeesConfirmedMembersByUnitAndEachUnitsServicesByMonth() {
        var reply = get(admin, "party?communityId=" + community + "&" + PERIOD);

        assertThat(reply).hasStatusOk();
        assertThat(Http.<Integer>read(reply, "$.data.confirmedMembers")).isEqualTo(2);
        assertThat(Http.<List<Map<String, Object>>>read(reply, "$.data.membersByUnit")).singleElement()
                .satisfies(u -> assertThat(u).containsEntry("unitId", (int) unit).containsEntry("confirmedMembers", 2));
        List<Map<String, Object>> months = Http.read(reply, "$.data.servicesByUnitAndMonth");
        assertThat(months).hasSize(2);
        assertThat(months.get(0)).containsEntry("month", "2026-11").containsEntry("services", 1)
                .containsEntry("hours", 1.5).containsEntry("averageRating", 5.0);
        assertThat(months.get(1)).containsEntry("month", "2026-12").containsEntry("services", 1)
                .containsEntry("averageRating", 4.0);
    }

    @Test
    void theFiguresEqualDirectCountsOverThePartyTables() {
        var reply = get(admin, "party?communityId=" + community + "&" + PERIOD);

        assertThat(Http.<Integer>read(reply, "$.data.confirmedMembers")).isEqualTo(jdbc.queryForObject(
                "select count(*) from party_registration where community_id = ? and status = 'CONFIRMED'", Integer.class, community));
        List<Integer> services = Http.read(reply, "$.data.servicesByUnitAndMonth[*].services");
        assertThat(services.stream().mapToInt(Integer::intValue).sum()).isEqualTo(jdbc.queryForObject(
                "select count(*) from party_service where community_id = ?", Integer.class, community));
    }

    @Test
    void aMonthPeriodShowsOnlyItsDays() {
        var reply = get(admin, "party?communityId=" + community + "&period=month&date=2026-12-15");

        assertThat(Http.<List<String>>read(reply, "$.data.servicesByUnitAndMonth[*].month")).containsExactly("2026-12");
    }

    @Test
    void aRedeliveredEventChangesNothingAndARebuildWritesTheSameRows() {
        var folded = rows();
        listener.on(new PartyServiceRecorded(community, LocalDate.of(2026, 11, 30)));
        assertThat(rows()).isNotEmpty().isEqualTo(folded);

        jdbc.update("delete from stats_daily where community_id = ?", community);
        assertThat(mvc.post().uri("/api/v1/admin/stats/rebuild").header("Authorization", users.with(Role.PLATFORM, 0).bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"from\":\"2026-11-29\",\"to\":\"2026-12-02\"}")).hasStatusOk();
        assertThat(rows()).isEqualTo(folded);
    }

    @Test
    void scopesAreChecked() {
        assertThat(get(users.with(Role.PLATFORM, 0), "party?" + PERIOD)).hasStatusOk();
        WishStatsTest.assertRefused(get(admin, "party?communityId=" + regions.community()), 403, 62001, null);
        WishStatsTest.assertRefused(get(admin, "party"), 403, 62001, null);
        WishStatsTest.assertRefused(get(admin, "party?communityId=" + community + "&period=custom&from=2026-12-02&to=2026-12-01"),
                400, 62003, "to");
        assertThat(get(users.resident(), "party?communityId=" + community)).hasStatus(403);
    }

    private SignedIn member(boolean confirm) {
        SignedIn who = poster();
        long id = Http.<Number>read(ok(mvc.post().uri("/api/v1/party/registrations").header("Authorization", who.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"communityId\":" + community + ",\"unitId\":" + unit + ",\"realName\":\"李党员\"}").exchange()),
                "$.data.id").longValue();
        if (confirm) {
            int version = jdbc.queryForObject("select version from party_registration where id = ?", Integer.class, id);
            ok(mvc.post().uri("/api/v1/admin/party/registrations/" + id + "/confirm").header("Authorization", admin.bearer())
                    .contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + version + "}").exchange());
        }
        return who;
    }

    private List<Map<String, Object>> rows() {
        return new ArrayList<>(jdbc.queryForList("select metric, day, station_id, dimension, value from stats_daily"
                + " where community_id = ? order by metric, day, station_id, dimension", community));
    }

    private static MvcTestResult ok(MvcTestResult reply) {
        if (reply.getResponse().getStatus() != 200) {
            throw new AssertionError("seeding failed: " + reply.getResponse().getStatus() + " " + Http.body(reply));
        }
        return reply;
    }
}
