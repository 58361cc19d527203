package cn.doorstep.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.doorstep.common.Role;
import cn.doorstep.station.StationKind;
import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.MutableClock;
import cn.doorstep.support.Parallel;
import cn.doorstep.support.TestPlaces;
import cn.doorstep.support.TestRegions;
import cn.doorstep.support.TestStations;
import cn.doorstep.support.TestUsers;
import cn.doorstep.support.TestUsers.SignedIn;
import cn.doorstep.user.UserService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The first points of brand-new users, all at once: the first write of a user is where InnoDB's gap
 * locks made awards deadlock into 500s. Admin adjustments, staff-confirmed service and rider
 * check-ins race; every answer is 200 and every balance exact.
 */
@IntegrationTest
class AwardRaceTest {

    static final int USERS = 201; // 67 of each kind
    static final long ADJUSTED = 30;
    static final long SERVED = 30; // 3 hours at the community's 10 an hour
    static final long CHECKED_IN = 5; // the default rider check-in rule

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
    ConsistencyReport consistency;
    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.set(Instant.now());
    }

    @Test
    void twoHundredFirstAwardsAdjustmentsAndCheckInsAtOnceAllAnswer200WithExactBalances() {
        clock.set(Instant.parse("2026-12-01T04:00:00Z"));
        long community = regions.community();
        jdbc.update("insert into points_rule (community_id, kind, points_per_unit, updated_by, updated_at) "
                + "values (?, 'VOLUNTEER_SERVICE', 10, 0, utc_timestamp(3))", community);
        SignedIn admin = users.with(Role.ADMIN, community);
        var place = TestPlaces.next();
        long station = stations.at(community, place.lat(), place.lng()).kinds(StationKind.WARM).create().id();
        SignedIn staff = users.with(Role.STAFF, station);
        String checkinCode = Http.read(mvc.get().uri("/api/v1/staff/stations/" + station + "/checkin-code")
                .header("Authorization", staff.bearer()).exchange(), "$.data.qrContent");

        List<SignedIn> people = new ArrayList<>();
        List<String> memberCodes = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            SignedIn person = users.resident();
            people.add(person);
            switch (i % 3) {
                case 0 -> jdbc.update("update app_user set community_id = ? where id = ?", community, person.id());
                case 1 -> memberCodes.add(Http.read(mvc.get().uri("/api/v1/me").header("Authorization", person.bearer())
                        .exchange(), "$.data.volunteer.memberCode"));
                default -> aVerifiedRider(person, community, admin);
            }
        }

        List<Integer> statuses = Parallel.run(USERS, 16, i -> {
            SignedIn person = people.get(i);
            var request = switch (i % 3) {
                case 0 -> mvc.post().uri("/api/v1/admin/points/adjustments").header("Authorization", admin.bearer())
                        .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"userId\":" + person.id() + ",\"delta\":" + ADJUSTED + ",\"reason\":\"补录\"}");
                case 1 -> mvc.post().uri("/api/v1/staff/points/awards").header("Authorization", staff.bearer())
                        .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"memberCode\":\"" + memberCodes.get(i / 3) + "\",\"stationId\":" + station
                                + ",\"activity\":\"暖新大集\",\"hours\":3}");
                default -> mvc.post().uri("/api/v1/riders/check-ins").header("Authorization", person.bearer())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"" + checkinCode + "\"}");
            };
            return request.exchange().getResponse().getStatus();
        });

        assertThat(statuses).as("every answer").containsOnly(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (int i = 0; i < USERS; i++) {
                long expected = switch (i % 3) {
                    case 0 -> ADJUSTED;
                    case 1 -> SERVED;
                    default -> CHECKED_IN;
                };
                assertThat(balance(people.get(i))).as("balance of user %d", i).isEqualTo(expected);
            }
        });
        assertThat(jdbc.queryForObject("select count(*) from points_ledger where user_id in (" + ids(people) + ")",
                Integer.class)).isEqualTo(USERS);
        assertThat(consistency.run().consistent()).as("consistency report").isTrue();
    }

    private void aVerifiedRider(SignedIn person, long community, SignedIn admin) {
        userService.bindPhone(person.id(), "139" + String.format("%08d", person.id() % 100_000_000));
        long rider = Http.<Number>read(mvc.post().uri("/api/v1/riders/registration").header("Authorization", person.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"platform\":\"MEITUAN\",\"realName\":\"王师傅\",\"homeCommunityId\":" + community + "}")
                .exchange(), "$.data.id").longValue();
        int version = jdbc.queryForObject("select version from rider where id = ?", Integer.class, rider);
        assertThat(mvc.post().uri("/api/v1/admin/riders/" + rider + "/verify").header("Authorization", admin.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + version + "}")).hasStatusOk();
    }

    private long balance(SignedIn who) {
        return jdbc.queryForObject("select coalesce(max(balance), 0) from points_account where user_id = ?", Long.class,
                who.id());
    }

    private static String ids(List<SignedIn> people) {
        return String.join(",", people.stream().map(p -> String.valueOf(p.id())).toList());
    }
}
