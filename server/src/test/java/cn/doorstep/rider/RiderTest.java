package cn.doorstep.rider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.doorstep.audit.AuditLog;
import cn.doorstep.common.Role;
import cn.doorstep.station.StationDetail;
import cn.doorstep.station.StationKind;
import cn.doorstep.support.Http;
import cn.doorstep.support.Inboxes;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.MutableClock;
import cn.doorstep.support.Parallel;
import cn.doorstep.support.SqlStatements;
import cn.doorstep.support.TestPlaces;
import cn.doorstep.support.TestRegions;
import cn.doorstep.support.TestStations;
import cn.doorstep.support.TestUsers.SignedIn;
import cn.doorstep.support.TestUsers;
import cn.doorstep.user.UserService;
import java.time.Duration;
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
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** 骑手备案 → verification with a pass number → check-ins at warm stations. */
@IntegrationTest
@RecordApplicationEvents
class RiderTest {

    @Autowired
    ApplicationEvents published;
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
    @Autowired
    SqlStatements sql;

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
            assertThat(jdbc.queryForObject("select count(*) from rider where user_id = ?", Integer.class, noPhone.id()))
                    .isZero();
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
            assertThat(reject(admin, "admin", id, "姓名与身份证不符")).hasStatusOk()
                    .bodyJson().extractingPath("$.data.rejectReason").isEqualTo("姓名与身份证不符");

            assertThat(register(rider, "SF")).hasStatusOk().bodyJson().extractingPath("$.data.status").isEqualTo("PENDING");
            var saved = jdbc.queryForMap("select status, reject_reason, reviewed_by from rider where id = ?", id);
            assertThat(saved.get("status")).isEqualTo("PENDING");
            assertThat(saved.get("reject_reason")).as("the old reason is cleared").isNull();
            assertThat(saved.get("reviewed_by")).isNull();
        }

        @Test
        void aNameOfOnlySpacesOrWithDirectionControlsIsRejected() {
            for (String name : List.of("\u3000\u3000", "王\u202E师傅")) {
                assertThat(mvc.post().uri("/api/v1/riders/registration").header("Authorization", rider.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"platform\":\"SF\",\"realName\":\"" + name + "\",\"homeCommunityId\":" + community + "}"))
                        .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.data.errors[0].field")
                        .isEqualTo("realName");
            }
            assertThat(jdbc.queryForObject("select count(*) from rider where user_id = ?", Integer.class, rider.id()))
                    .isZero();
        }
    }

    @Nested
    class Review {

        @Test
        void anAdminVerifiesIssuesAPassAndMakesARider() {
            long id = riderId(register(rider, "MEITUAN"));
            assertThat(mvc.get().uri("/api/v1/admin/riders?status=PENDING").header("Authorization", admin.bearer()))
                    .bodyJson().extractingPath("$.data.items[*].id").asArray().containsExactly((int) id);

            MvcTestResult verified = verify(admin, "admin", id);

            assertThat(verified).hasStatusOk().bodyJson().extractingPath("$.data.status").isEqualTo("VERIFIED");
            assertThat(verified).bodyJson().extractingPath("$.data.passNo")
                    .isEqualTo(String.format("JL-%06d-%06d", community, id));
            assertThat(mvc.get().uri("/api/v1/me").header("Authorization", rider.bearer()))
                    .bodyJson().extractingPath("$.data.roles[*].role").asArray().contains("RIDER");
            assertThat(audit.of("rider", id)).extracting(AuditLog.Entry::action).containsExactly("rider.verify");
            assertThat(Inboxes.of(mvc, rider, "RIDER_APPROVED")).singleElement().satisfies(notice -> assertThat(
                    notice.get("body")).asString().contains(String.format("JL-%06d-%06d", community, id)));
            assertThat(Inboxes.kinds(mvc, admin)).as("the reviewer is told nothing").isEmpty();
        }

        @Test
        void staffOfAStationInTheCommunityMayVerify() {
            var place = TestPlaces.next();
            StationDetail station = stations.at(community, place.lat(), place.lng()).create();
            SignedIn staff = users.with(Role.STAFF, station.id());
            long id = riderId(register(rider, "JD"));

            assertThat(verify(staff, "staff", id)).hasStatusOk();

            var saved = jdbc.queryForMap("select status, pass_no, reviewed_by from rider where id = ?", id);
            assertThat(saved.get("status")).isEqualTo("VERIFIED");
            assertThat((String) saved.get("pass_no")).startsWith("JL-");
            assertThat(((Number) saved.get("reviewed_by")).longValue()).isEqualTo(staff.id());
            assertThat(jdbc.queryForObject("select count(*) from user_role where user_id = ? and role = 'RIDER'",
                    Integer.class, rider.id())).isEqualTo(1);
        }

        @Test
        void staffOfAStationInTheCommunityMayRejectWithAReasonTheRiderReads() {
            var place = TestPlaces.next();
            StationDetail station = stations.at(community, place.lat(), place.lng()).create();
            SignedIn staff = users.with(Role.STAFF, station.id());
            long id = riderId(register(rider, "JD"));

            assertThat(reject(staff, "staff", id, "照片不清晰")).hasStatusOk()
                    .bodyJson().extractingPath("$.data.status").isEqualTo("REJECTED");

            var saved = jdbc.queryForMap("select status, reject_reason, reviewed_by, pass_no from rider where id = ?", id);
            assertThat(saved.get("status")).isEqualTo("REJECTED");
            assertThat(saved.get("reject_reason")).isEqualTo("照片不清晰");
            assertThat(((Number) saved.get("reviewed_by")).longValue()).isEqualTo(staff.id());
            assertThat(saved.get("pass_no")).isNull();
            assertThat(mvc.get().uri("/api/v1/riders/me").header("Authorization", rider.bearer()))
                    .bodyJson().extractingPath("$.data.rejectReason").isEqualTo("照片不清晰");
            assertThat(audit.of("rider", id)).extracting(AuditLog.Entry::action).containsExactly("rider.reject");
            assertThat(reject(staff, "staff", id, "再拒")).as("decided already").hasStatus(HttpStatus.CONFLICT);
            assertThat(Inboxes.of(mvc, rider, "RIDER_REJECTED")).singleElement().satisfies(notice -> {
                assertThat(notice.get("body")).asString().contains("照片不清晰");
                assertThat(notice.get("page")).isEqualTo("pages/rider/me");
            });
        }

        @Test
        void staffOfAClosedStationNoLongerReview() {
            var place = TestPlaces.next();
            StationDetail station = stations.at(community, place.lat(), place.lng()).create();
            SignedIn staff = users.with(Role.STAFF, station.id());
            long id = riderId(register(rider, "JD"));
            assertThat(mvc.post().uri("/api/v1/admin/stations/" + station.id() + "/close")
                    .header("Authorization", admin.bearer())).hasStatusOk();

            assertThat(mvc.get().uri("/api/v1/staff/riders").header("Authorization", staff.bearer()))
                    .bodyJson().extractingPath("$.data.total").isEqualTo(0);
            assertThat(verify(staff, "staff", id)).hasStatus(HttpStatus.NOT_FOUND);
            assertThat(jdbc.queryForObject("select status from rider where id = ?", String.class, id)).isEqualTo("PENDING");
        }

        @Test
        void noOneReviewsTheirOwnRegistration() {
            SignedIn adminAsRider = users.with(Role.ADMIN, community);
            userService.bindPhone(adminAsRider.id(), "13611112222");
            long id = riderId(register(adminAsRider, "SF"));

            assertThat(verify(adminAsRider, "admin", id)).hasStatus(HttpStatus.FORBIDDEN)
                    .bodyJson().extractingPath("$.code").isEqualTo(21011);
            assertThat(jdbc.queryForObject("select status from rider where id = ?", String.class, id)).isEqualTo("PENDING");
        }

        @Test
        void aVerificationAppliesOnlyToTheVersionTheReviewerRead() {
            long id = riderId(register(rider, "SF"));
            int seen = version(id);
            register(rider, "JD"); // the rider changes the registration after the reviewer read it

            assertThat(review(admin, "admin", id, "verify", "{\"version\":" + seen + "}")).hasStatus(HttpStatus.CONFLICT)
                    .bodyJson().extractingPath("$.code").isEqualTo(21010);
            assertThat(jdbc.queryForObject("select status from rider where id = ?", String.class, id)).isEqualTo("PENDING");

            assertThat(verify(admin, "admin", id)).hasStatusOk().bodyJson().extractingPath("$.data.platform").isEqualTo("JD");
        }

        @Test
        void aVerifiedRiderWhoBindsAnotherPhoneIsReviewedAgain() {
            long id = riderId(register(rider, "MEITUAN"));
            verify(admin, "admin", id);

            userService.bindPhone(rider.id(), "13987654321");

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    jdbc.queryForObject("select status from rider where id = ?", String.class, id)).isEqualTo("PENDING"));
            assertThat(jdbc.queryForObject("select pass_no from rider where id = ?", String.class, id)).isNull();
            assertThat(mvc.get().uri("/api/v1/me").header("Authorization", rider.bearer()))
                    .bodyJson().extractingPath("$.data.roles[*].role").asArray().doesNotContain("RIDER");
            assertThat(verify(admin, "admin", id)).hasStatusOk().bodyJson().extractingPath("$.data.phone")
                    .isEqualTo("139****4321");
        }

        @Test
        void aRegistrationOfAnotherCommunityIsNotFound() {
            long id = riderId(register(rider, "JD"));
            SignedIn stranger = users.with(Role.ADMIN, regions.community());

            assertThat(verify(stranger, "admin", id)).hasStatus(HttpStatus.NOT_FOUND)
                    .bodyJson().extractingPath("$.code").isEqualTo(21006);
            assertThat(mvc.get().uri("/api/v1/admin/riders").header("Authorization", stranger.bearer()))
                    .bodyJson().extractingPath("$.data.total").isEqualTo(0);
        }

        @Test
        void manyReviewersAtOnceDecideOnlyOnce() {
            long id = riderId(register(rider, "DADA"));
            List<SignedIn> reviewers = Parallel.run(10, 10, i -> users.with(Role.ADMIN, community));
            int seen = version(id);

            List<Integer> statuses = Parallel.run(10, 10, i -> (i % 2 == 0
                    ? review(reviewers.get(i), "admin", id, "verify", "{\"version\":" + seen + "}")
                    : review(reviewers.get(i), "admin", id, "reject", "{\"version\":" + seen + ",\"reason\":\"重复\"}"))
                    .getResponse().getStatus());

            assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
            assertThat(statuses.stream().filter(s -> s == 409)).hasSize(9);
            assertThat(audit.of("rider", id)).hasSize(1);
        }
    }

    @Nested
    class CheckIns {

        StationDetail warm;
        SignedIn staff;
        String code;

        @BeforeEach
        void aVerifiedRiderAndAWarmStation() {
            long id = riderId(register(rider, "MEITUAN"));
            verify(admin, "admin", id);
            var place = TestPlaces.next();
            warm = stations.at(community, place.lat(), place.lng()).kinds(StationKind.WARM).create();
            staff = users.with(Role.STAFF, warm.id());
            code = shownCode(warm.id());
        }

        int checkinsAt(long stationId) {
            return jdbc.queryForObject("select count(*) from rider_checkin where station_id = ?", Integer.class, stationId);
        }

        int checkinsOfRider() {
            return jdbc.queryForObject("select count(*) from rider_checkin c join rider r on r.id = c.rider_id "
                    + "where r.user_id = ?", Integer.class, rider.id());
        }

        String shownCode(long stationId) {
            return Http.read(mvc.get().uri("/api/v1/staff/stations/" + stationId + "/checkin-code")
                    .header("Authorization", users.with(Role.STAFF, stationId).bearer()).exchange(), "$.data.qrContent");
        }

        @Test
        void theFirstCheckInOfTheDayCountsAndRepeatsDoNot() {
            assertThat(checkIn(rider, code)).hasStatusOk().bodyJson().extractingPath("$.data.counted").isEqualTo(true);
            assertThat(checkIn(rider, code)).hasStatusOk().bodyJson().extractingPath("$.data.counted").isEqualTo(false);

            clock.set(Instant.parse("2026-12-01T16:30:00Z")); // 00:30 the next day in China
            assertThat(checkIn(rider, shownCode(warm.id()))).bodyJson().extractingPath("$.data.counted").isEqualTo(true);
            assertThat(mvc.get().uri("/api/v1/riders/check-ins").header("Authorization", rider.bearer()))
                    .bodyJson().extractingPath("$.data.total").isEqualTo(2);
        }

        @Test
        void aCountedCheckInIsAnnouncedOnceForPoints() {
            checkIn(rider, code);
            checkIn(rider, code);

            assertThat(published.stream(RiderCheckedIn.class)).singleElement().satisfies(event -> {
                assertThat(event.userId()).isEqualTo(rider.id());
                assertThat(event.stationId()).isEqualTo(warm.id());
                assertThat(event.communityId()).isEqualTo(community);
            });
        }

        @Test
        void aPhotoOfTheCodeIsUselessLater() {
            clock.set(Instant.parse("2026-12-01T04:30:00Z")); // half an hour after the code was shown

            assertThat(checkIn(rider, code)).hasStatus(HttpStatus.CONFLICT)
                    .bodyJson().extractingPath("$.code").isEqualTo(21008);
            assertThat(checkinsOfRider()).isZero();
            assertThat(checkIn(rider, shownCode(warm.id()))).hasStatusOk();
            assertThat(checkinsAt(warm.id())).isEqualTo(1);
        }

        @Test
        void aCodeOfTheNextWindowStillWorksAtTheTurn() {
            clock.set(Instant.parse("2026-12-01T04:09:59Z"));
            String lateCode = shownCode(warm.id());
            clock.set(Instant.parse("2026-12-01T04:19:00Z"));

            assertThat(checkIn(rider, lateCode)).hasStatusOk();
            assertThat(checkinsAt(warm.id())).isEqualTo(1);
        }

        @Test
        void aForgedOrAlteredCodeIsUnknown() {
            String[] parts = code.split("\\.");
            String otherStation = (warm.id() + 1) + "." + parts[1] + "." + parts[2];
            String otherWindow = parts[0] + "." + (Long.parseLong(parts[1]) + 1) + "." + parts[2];

            assertThat(checkIn(rider, otherStation)).hasStatus(HttpStatus.NOT_FOUND);
            assertThat(checkIn(rider, otherWindow)).hasStatus(HttpStatus.NOT_FOUND)
                    .bodyJson().extractingPath("$.code").isEqualTo(21005);
            assertThat(checkinsOfRider()).isZero();
        }

        @Test
        void aRiderWhoSaysTheyAreFarAwayIsRefusedAndNothingIsStored() {
            assertThat(checkIn(rider, code, warm.lat() + 0.02, warm.lng())).hasStatus(HttpStatus.FORBIDDEN) // ≈ 2.2 km
                    .bodyJson().extractingPath("$.code").isEqualTo(21009);
            assertThat(jdbc.queryForObject("select count(*) from rider_checkin where station_id = ?", Integer.class,
                    warm.id())).isZero();

            assertThat(checkIn(rider, code, warm.lat() + 0.002, warm.lng())).hasStatusOk(); // ≈ 220 m
        }

        @Test
        void halfALocationIsAnError() {
            assertThat(mvc.post().uri("/api/v1/riders/check-ins").header("Authorization", rider.bearer())
                    .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"" + code + "\",\"lat\":43.8}"))
                    .hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(checkinsOfRider()).isZero();
        }

        @Test
        void checkInsAreLimitedPerRider() {
            List<Integer> statuses = new java.util.ArrayList<>();
            for (int i = 0; i < 21; i++) {
                statuses.add(checkIn(rider, code).getResponse().getStatus());
            }
            assertThat(statuses.subList(0, 20)).containsOnly(200);
            assertThat(statuses.get(20)).isEqualTo(429);
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
            assertThat(checkinsAt(warm.id())).isZero();
        }

        @Test
        void anUnknownCodeOrAServiceStationsCodeIsNotFound() {
            var place = TestPlaces.next();
            StationDetail service = stations.at(community, place.lat(), place.lng()).kinds(StationKind.SERVICE).create();
            String serviceCode = shownCode(service.id());

            assertThat(checkIn(rider, "NOPE")).hasStatus(HttpStatus.NOT_FOUND)
                    .bodyJson().extractingPath("$.code").isEqualTo(21005);
            assertThat(checkIn(rider, serviceCode)).hasStatus(HttpStatus.NOT_FOUND);
            assertThat(checkinsOfRider()).isZero();
        }
    }

    /** The lists read their people and stations in one statement per kind, however many rows. */
    @Nested
    class Lists {

        @Test
        void registrationsForReviewRunAsManyStatementsForSixRidersAsForOne() {
            assertThat(register(rider, "SF")).hasStatusOk();
            String uri = "/api/v1/admin/riders?status=PENDING";
            List<String> one = statementsOf(uri, admin);

            for (int i = 0; i < 5; i++) {
                SignedIn another = users.resident();
                userService.bindPhone(another.id(), "1360000000" + i);
                assertThat(register(another, "SF")).hasStatusOk();
            }
            List<String> six = statementsOf(uri, admin);

            assertThat(six).as("1 rider: %s%n6 riders: %s", one, six).hasSameSizeAs(one);
            MvcTestResult page = mvc.get().uri(uri).header("Authorization", admin.bearer()).exchange();
            assertThat(Http.<List<String>>read(page, "$.data.items[*].phone")).containsExactly("139****5678",
                    "136****0000", "136****0001", "136****0002", "136****0003", "136****0004");
        }

        @Test
        void myCheckInsAtSixStationsRunAsManyStatementsAsAtOne() {
            verify(admin, "admin", riderId(register(rider, "MEITUAN")));
            checkInAt("驿站0");
            List<String> one = statementsOf("/api/v1/riders/check-ins", rider);

            for (int i = 1; i < 6; i++) {
                checkInAt("驿站" + i);
            }
            List<String> six = statementsOf("/api/v1/riders/check-ins", rider);

            assertThat(six).as("1 check-in: %s%n6 check-ins: %s", one, six).hasSameSizeAs(one);
            assertThat(Http.<List<String>>read(mvc.get().uri("/api/v1/riders/check-ins").header("Authorization",
                    rider.bearer()).exchange(), "$.data.items[*].stationName"))
                    .containsExactly("驿站5", "驿站4", "驿站3", "驿站2", "驿站1", "驿站0");
        }

        private void checkInAt(String stationName) {
            var place = TestPlaces.next();
            StationDetail warm = stations.at(community, place.lat(), place.lng()).named(stationName)
                    .kinds(StationKind.WARM).create();
            String code = Http.read(mvc.get().uri("/api/v1/staff/stations/" + warm.id() + "/checkin-code")
                    .header("Authorization", users.with(Role.STAFF, warm.id()).bearer()).exchange(), "$.data.qrContent");
            assertThat(checkIn(rider, code)).hasStatusOk();
        }

        private List<String> statementsOf(String uri, SignedIn who) {
            assertThat(mvc.get().uri(uri).header("Authorization", who.bearer())).hasStatusOk();
            return sql.during(() -> assertThat(mvc.get().uri(uri).header("Authorization", who.bearer())).hasStatusOk());
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

    MvcTestResult checkIn(SignedIn who, String code, double lat, double lng) {
        return mvc.post().uri("/api/v1/riders/check-ins").header("Authorization", who.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"" + code + "\",\"lat\":" + lat + ",\"lng\":" + lng + "}").exchange();
    }

    /** The reviewer reads the registration (and its version) from the list, then decides. */
    MvcTestResult verify(SignedIn who, String as, long riderId) {
        return review(who, as, riderId, "verify", "{\"version\":" + version(riderId) + "}");
    }

    MvcTestResult reject(SignedIn who, String as, long riderId, String reason) {
        return review(who, as, riderId, "reject", "{\"version\":" + version(riderId) + ",\"reason\":\"" + reason + "\"}");
    }

    int version(long riderId) {
        return jdbc.queryForObject("select version from rider where id = ?", Integer.class, riderId);
    }

    static long riderId(MvcTestResult result) {
        return Http.<Number>read(result, "$.data.id").longValue();
    }
}
