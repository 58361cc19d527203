package cn.doorstep.rider;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.audit.AuditLog;
import cn.doorstep.common.Role;
import cn.doorstep.station.StationDetail;
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
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** 骑手备案 → verification with a pass number → check-ins at warm stations. */
@IntegrationTest
class RiderTest {

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
    AuditLog audit;
    @Autowired
    MutableClock clock;

    long community;
    SignedIn rider;
    SignedIn admin;

    @BeforeEach
    void setUp() {
        community = regions.community();
        admin = users.with(Role.ADMIN, community);
        rider = users.resident();
        userService.bindPhone(rider.id(), "13912345678");
        clock.set(Instant.parse("2026-12-01T04:00:00Z"));
    }

    @AfterEach
    void resetClock() {
        clock.set(Instant.now());
    }

    @Nested
    class Registration {

        @Test
        void needsABoundPhone() {
            SignedIn noPhone = users.resident();
            assertThat(register(noPhone, "MEITUAN")).hasStatus(HttpStatus.CONFLICT)
                    .bodyJson().extractingPath("$.code").isEqualTo(21001);
        }

        @Test
        void startsPendingWithTheMaskedPhone() {
            MvcTestResult reply = register(rider, "ELEME");

            assertThat(reply).hasStatusOk().bodyJson().extractingPath("$.data.status").isEqualTo("PENDING");
            assertThat(reply).bodyJson().extractingPath("$.data.phone").isEqualTo("139****5678");
            assertThat(mvc.get().uri("/api/v1/riders/me").header("Authorization", rider.bearer()))
                    .bodyJson().extractingPath("$.data.platform").isEqualTo("ELEME");
        }

        @Test
        void rejectsAnUnknownPlatformAndCommunity() {
            assertThat(register(rider, "UBER")).hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyJson().extractingPath("$.data.errors[0].field").isEqualTo("platform");
            assertThat(mvc.post().uri("/api/v1/riders/registration").header("Authorization", rider.bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"platform\":\"SF\",\"realName\":\"王五\",\"homeCommunityId\":987654321}"))
                    .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.data.errors[0].field")
                    .isEqualTo("homeCommunityId");
        }

        @Test
        void aRejectedRiderCanCorrectAndResubmit() {
            long id = riderId(register(rider, "SF"));
            assertThat(review(admin, "admin", id, "reject", "{\"reason\":\"姓名与身份证不符\"}")).hasStatusOk()
                    .bodyJson().extractingPath("$.data.rejectReason").isEqualTo("姓名与身份证不符");

            assertThat(register(rider, "SF")).hasStatusOk().bodyJson().extractingPath("$.data.status").isEqualTo("PENDING");
        }
    }

    @Nested
    class Review {

        @Test
        void anAdminVerifiesIssuesAPassAndMakesARider() {
            long id = riderId(register(rider, "MEITUAN"));
            assertThat(mvc.get().uri("/api/v1/admin/riders?status=PENDING").header("Authorization", admin.bearer()))
                    .bodyJson().extractingPath("$.data.items[*].id").asArray().containsExactly((int) id);

            MvcTestResult verified = review(admin, "admin", id, "verify", null);

            assertThat(verified).hasStatusOk().bodyJson().extractingPath("$.data.status").isEqualTo("VERIFIED");
            assertThat(verified).bodyJson().extractingPath("$.data.passNo")
                    .isEqualTo(String.format("JL-%06d-%06d", community, id));
            assertThat(mvc.get().uri("/api/v1/me").header("Authorization", rider.bearer()))
                    .bodyJson().extractingPath("$.data.roles[*].role").asArray().contains("RIDER");
            assertThat(audit.of("rider", id)).extracting(AuditLog.Entry::action).containsExactly("rider.verify");
        }

        @Test
        void staffOfAStationInTheCommunityMayVerify() {
            var place = TestPlaces.next();
            StationDetail station = stations.at(community, place.lat(), place.lng()).create();
            SignedIn staff = users.with(Role.STAFF, station.id());
            long id = riderId(register(rider, "JD"));

            assertThat(review(staff, "staff", id, "verify", null)).hasStatusOk();
        }

        @Test
        void aRegistrationOfAnotherCommunityIsNotFound() {
            long id = riderId(register(rider, "JD"));
            SignedIn stranger = users.with(Role.ADMIN, regions.community());

            assertThat(review(stranger, "admin", id, "verify", null)).hasStatus(HttpStatus.NOT_FOUND)
                    .bodyJson().extractingPath("$.code").isEqualTo(21006);
            assertThat(mvc.get().uri("/api/v1/admin/riders").header("Authorization", stranger.bearer()))
                    .bodyJson().extractingPath("$.data.total").isEqualTo(0);
        }

        @Test
        void manyReviewersAtOnceDecideOnlyOnce() {
            long id = riderId(register(rider, "DADA"));
            List<SignedIn> reviewers = Parallel.run(10, 10, i -> users.with(Role.ADMIN, community));

            List<Integer> statuses = Parallel.run(10, 10, i -> (i % 2 == 0
                    ? review(reviewers.get(i), "admin", id, "verify", null)
                    : review(reviewers.get(i), "admin", id, "reject", "{\"reason\":\"重复\"}")).getResponse().getStatus());

            assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
            assertThat(statuses.stream().filter(s -> s == 409)).hasSize(9);
            assertThat(audit.of("rider", id)).hasSize(1);
        }
    }

    @Nested
    class CheckIns {

        StationDetail warm;
        String code;

        @BeforeEach
        void aVerifiedRiderAndAWarmStation() {
            long id = riderId(register(rider, "MEITUAN"));
            review(admin, "admin", id, "verify", null);
            var place = TestPlaces.next();
            warm = stations.at(community, place.lat(), place.lng()).kinds(StationKind.WARM).create();
            code = jdbc.queryForObject("select checkin_code from station where id = ?", String.class, warm.id());
        }

        @Test
        void theFirstCheckInOfTheDayCountsAndRepeatsDoNot() {
            assertThat(checkIn(rider, code)).hasStatusOk().bodyJson().extractingPath("$.data.counted").isEqualTo(true);
            assertThat(checkIn(rider, code)).hasStatusOk().bodyJson().extractingPath("$.data.counted").isEqualTo(false);

            clock.set(Instant.parse("2026-12-01T16:30:00Z")); // 00:30 the next day in China
            assertThat(checkIn(rider, code)).bodyJson().extractingPath("$.data.counted").isEqualTo(true);
            assertThat(mvc.get().uri("/api/v1/riders/check-ins").header("Authorization", rider.bearer()))
                    .bodyJson().extractingPath("$.data.total").isEqualTo(2);
        }

        @Test
        void manyScansAtOnceCountOnce() {
            List<Boolean> counted = Parallel.run(20, 10, i -> Http.<Boolean>read(checkIn(rider, code), "$.data.counted"));

            assertThat(counted.stream().filter(c -> c)).hasSize(1);
            assertThat(jdbc.queryForObject("select count(*) from rider_checkin where station_id = ?", Integer.class,
                    warm.id())).isEqualTo(1);
        }

        @Test
        void anUnverifiedRiderCannotCheckIn() {
            SignedIn pending = users.resident();
            userService.bindPhone(pending.id(), "13700000000");
            register(pending, "SF");

            assertThat(checkIn(pending, code)).hasStatus(HttpStatus.FORBIDDEN)
                    .bodyJson().extractingPath("$.code").isEqualTo(21004);
        }

        @Test
        void anUnknownCodeOrAServiceStationsCodeIsNotFound() {
            var place = TestPlaces.next();
            StationDetail service = stations.at(community, place.lat(), place.lng()).kinds(StationKind.SERVICE).create();
            String serviceCode = jdbc.queryForObject("select checkin_code from station where id = ?", String.class,
                    service.id());

            assertThat(checkIn(rider, "NOPE")).hasStatus(HttpStatus.NOT_FOUND)
                    .bodyJson().extractingPath("$.code").isEqualTo(21005);
            assertThat(checkIn(rider, serviceCode)).hasStatus(HttpStatus.NOT_FOUND);
        }
    }

    MvcTestResult register(SignedIn who, String platform) {
        return mvc.post().uri("/api/v1/riders/registration").header("Authorization", who.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"platform\":\"" + platform + "\",\"realName\":\"王师傅\",\"homeCommunityId\":" + community + "}")
                .exchange();
    }

    MvcTestResult review(SignedIn who, String as, long riderId, String action, String body) {
        var request = mvc.post().uri("/api/v1/" + as + "/riders/" + riderId + "/" + action)
                .header("Authorization", who.bearer());
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return request.exchange();
    }

    MvcTestResult checkIn(SignedIn who, String code) {
        return mvc.post().uri("/api/v1/riders/check-ins").header("Authorization", who.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"" + code + "\"}").exchange();
    }

    static long riderId(MvcTestResult result) {
        return Http.<Number>read(result, "$.data.id").longValue();
    }
}
