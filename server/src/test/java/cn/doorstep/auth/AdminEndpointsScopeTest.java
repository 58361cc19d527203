package cn.doorstep.auth;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.common.Role;
import cn.doorstep.station.StationDetail;
import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.TestPlaces;
import cn.doorstep.support.TestRegions;
import cn.doorstep.support.TestRegions.Chain;
import cn.doorstep.support.TestStations;
import cn.doorstep.support.TestUsers;
import cn.doorstep.support.TestUsers.SignedIn;
import cn.doorstep.user.ProfileUpdate;
import cn.doorstep.user.UserService;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Issue 16 §3 across the admin endpoints: the admin of street A acts on the objects of every community of
 * street A (here the street's second community, reached only through the street) and gets 404 for street
 * B's objects, or 403 where the request names a community, station or other object of B's as today, and
 * nothing of B's changes. Street B is a neighbour in the same district.
 */
@IntegrationTest
class AdminEndpointsScopeTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestUsers users;
    @Autowired
    TestRegions regions;
    @Autowired
    TestStations stations;
    @Autowired
    UserService userService;

    long ours;
    long theirs;
    SignedIn streetAdmin;
    SignedIn theirAdmin;

    @BeforeEach
    void setUp() {
        Chain home = regions.chain();
        ours = regions.communityIn(home.street());
        theirs = regions.communityIn(regions.streetIn(home.district()));
        streetAdmin = users.with(Role.STREET_ADMIN, home.street());
        theirAdmin = users.with(Role.ADMIN, theirs);
    }

    @Nested
    class Stations {

        @Test
        void listsClosesAndReadsTheStaffOfOurStationsOnly() {
            StationDetail our = station(ours);
            StationDetail their = station(theirs);

            assertThat(get("/api/v1/admin/stations?communityId=" + ours)).hasStatusOk()
                    .bodyJson().extractingPath("$.data.items[*].id").asArray().containsExactly((int) our.id());
            assertThat(get("/api/v1/admin/stations?communityId=" + theirs)).hasStatus(HttpStatus.FORBIDDEN);
            assertThat(get("/api/v1/admin/stations/" + our.id() + "/staff")).hasStatusOk();
            assertThat(get("/api/v1/admin/stations/" + their.id() + "/staff")).hasStatus(HttpStatus.FORBIDDEN);

            assertThat(post("/api/v1/admin/stations/" + our.id() + "/close", null)).hasStatusOk();
            assertThat(post("/api/v1/admin/stations/" + their.id() + "/close", null)).hasStatus(HttpStatus.FORBIDDEN);
            assertThat(stationStatus(our.id())).isEqualTo("CLOSED");
            assertThat(stationStatus(their.id())).isEqualTo("ACTIVE");
        }
    }

    @Nested
    class Booking {

        @Test
        void addsServicesAtOurStationsOnly() {
            StationDetail our = station(ours);
            StationDetail their = station(theirs);

            assertThat(post("/api/v1/admin/stations/" + our.id() + "/services", serviceJson())).hasStatusOk();
            assertThat(post("/api/v1/admin/stations/" + their.id() + "/services", serviceJson()))
                    .hasStatus(HttpStatus.FORBIDDEN);

            assertThat(services(our.id())).isEqualTo(1);
            assertThat(services(their.id())).isZero();
        }
    }

    @Nested
    class Rewards {

        @Test
        void offersAndListsRewardsOfOurCommunitiesOnly() {
            StationDetail our = station(ours);
            StationDetail their = station(theirs);
            long theirReward = idOf(mvc.post().uri("/api/v1/admin/rewards").header("Authorization", theirAdmin.bearer())
                    .contentType(MediaType.APPLICATION_JSON).content(rewardJson(their.id())).exchange());

            long ourReward = idOf(post("/api/v1/admin/rewards", rewardJson(our.id())));
            assertThat(post("/api/v1/admin/rewards", rewardJson(their.id()))).hasStatus(HttpStatus.FORBIDDEN);

            assertThat(get("/api/v1/admin/rewards?communityId=" + ours)).bodyJson()
                    .extractingPath("$.data.items[*].id").asArray().containsExactly((int) ourReward);
            assertThat(get("/api/v1/admin/rewards?communityId=" + theirs)).hasStatus(HttpStatus.FORBIDDEN);
            assertThat(get("/api/v1/admin/rewards/" + theirReward)).hasStatus(HttpStatus.FORBIDDEN);
            assertThat(post("/api/v1/admin/rewards/" + theirReward + "/withdraw", null)).hasStatus(HttpStatus.FORBIDDEN);
            assertThat(jdbc.queryForObject("select count(*) from reward where community_id = ?", Integer.class, theirs))
                    .isEqualTo(1);
            assertThat(jdbc.queryForObject("select status from reward where id = ?", String.class, theirReward))
                    .isEqualTo("ACTIVE");
        }
    }

    @Nested
    class Riders {

        @Test
        void reviewsTheRidersOfOurCommunitiesOnly() {
            long ourRider = pendingRider(ours);
            long theirRider = pendingRider(theirs);

            assertThat(get("/api/v1/admin/riders?status=PENDING")).bodyJson().extractingPath("$.data.items[*].id")
                    .asArray().containsExactly((int) ourRider);
            assertThat(post("/api/v1/admin/riders/" + theirRider + "/verify", "{\"version\":0}"))
                    .hasStatus(HttpStatus.NOT_FOUND).bodyJson().extractingPath("$.code").isEqualTo(21006);
            assertThat(post("/api/v1/admin/riders/" + ourRider + "/verify", "{\"version\":0}")).hasStatusOk();

            assertThat(riderStatus(ourRider)).isEqualTo("VERIFIED");
            assertThat(riderStatus(theirRider)).isEqualTo("PENDING");
        }
    }

    @Nested
    class Party {

        @Test
        void confirmsThePartyRegistrationsOfOurCommunitiesOnly() {
            long unit = insert("insert into party_unit (name, created_at) values (?, utc_timestamp(3))", "单位" + UUID.randomUUID());
            long ourRegistration = pendingRegistration(ours, unit);
            long theirRegistration = pendingRegistration(theirs, unit);

            assertThat(get("/api/v1/admin/party/registrations?status=PENDING")).bodyJson()
                    .extractingPath("$.data.items[*].id").asArray().containsExactly((int) ourRegistration);
            assertThat(post("/api/v1/admin/party/registrations/" + theirRegistration + "/confirm", "{\"version\":0}"))
                    .hasStatus(HttpStatus.NOT_FOUND);
            assertThat(post("/api/v1/admin/party/registrations/" + ourRegistration + "/confirm", "{\"version\":0}"))
                    .hasStatusOk();

            assertThat(registrationStatus(ourRegistration)).isEqualTo("CONFIRMED");
            assertThat(registrationStatus(theirRegistration)).isEqualTo("PENDING");
        }
    }

    @Nested
    class Points {

        @Test
        void adjustsThePointsAndRulesOfOurMembersOnly() {
            long ourMember = resident(ours);
            long theirMember = resident(theirs);

            assertThat(adjust(ourMember)).hasStatusOk();
            assertThat(adjust(theirMember)).hasStatus(HttpStatus.NOT_FOUND).bodyJson().extractingPath("$.code")
                    .isEqualTo(30003);
            assertThat(get("/api/v1/admin/points/rules?communityId=" + ours)).hasStatusOk();
            assertThat(get("/api/v1/admin/points/rules?communityId=" + theirs)).hasStatus(HttpStatus.FORBIDDEN);

            assertThat(balance(ourMember)).isEqualTo(50);
            assertThat(balance(theirMember)).isZero();
        }
    }

    @Nested
    class WishesAndGridHeads {

        @Test
        void reviewsTheWishesAndReadsThePoliciesAndGridHeadsOfOurCommunitiesOnly() {
            long ourWish = heldWish(ours);
            long theirWish = heldWish(theirs);

            assertThat(get("/api/v1/admin/wishes?status=PENDING_REVIEW")).bodyJson().extractingPath("$.data.items[*].id")
                    .asArray().containsExactly((int) ourWish);
            assertThat(get("/api/v1/admin/wishes?communityId=" + theirs)).hasStatusOk()
                    .bodyJson().extractingPath("$.data.total").isEqualTo(0);
            assertThat(post("/api/v1/admin/wishes/" + theirWish + "/approve", null)).hasStatus(HttpStatus.NOT_FOUND);
            assertThat(post("/api/v1/admin/wishes/" + ourWish + "/approve", null)).hasStatusOk();
            assertThat(wishStatus(ourWish)).isEqualTo("OPEN");
            assertThat(wishStatus(theirWish)).isEqualTo("PENDING_REVIEW");

            assertThat(get("/api/v1/admin/wishes/policies/" + ours)).hasStatusOk();
            assertThat(get("/api/v1/admin/wishes/policies/" + theirs)).hasStatus(HttpStatus.FORBIDDEN);
            assertThat(get("/api/v1/admin/grid-heads?communityId=" + ours)).hasStatusOk();
            assertThat(get("/api/v1/admin/grid-heads?communityId=" + theirs)).hasStatus(HttpStatus.FORBIDDEN);
        }
    }

    @Nested
    class Holidays {

        @Test
        void aStreetOrDistrictAdminWithoutCommunitiesYetReadsTheCalendarButNeverChangesIt() {
            SignedIn emptyStreet = users.with(Role.STREET_ADMIN, regions.streetIn(regions.chain().district()));
            SignedIn emptyDistrict = users.with(Role.DISTRICT_ADMIN, regions.chain().district());

            int before = jdbc.queryForObject("select count(*) from public_holiday where day = '2099-12-30'", Integer.class);
            for (SignedIn admin : List.of(emptyStreet, emptyDistrict)) {
                assertThat(mvc.get().uri("/api/v1/admin/holidays?year=2026").header("Authorization", admin.bearer()))
                        .hasStatusOk();
                assertThat(mvc.put().uri("/api/v1/admin/holidays/2099-12-30").header("Authorization", admin.bearer())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"HOLIDAY\",\"name\":\"测试\"}"))
                        .hasStatus(HttpStatus.FORBIDDEN);
            }
            assertThat(jdbc.queryForObject("select count(*) from public_holiday where day = '2099-12-30'", Integer.class))
                    .isEqualTo(before);
        }
    }

    @Nested
    class Accounts {

        @Test
        void disablesAndGrantsRolesToOurPeopleOnly() {
            long ourResident = resident(ours);
            long theirResident = resident(theirs);

            assertThat(post("/api/v1/admin/users/" + theirResident + "/disable", null)).hasStatus(HttpStatus.NOT_FOUND);
            assertThat(post("/api/v1/admin/users/" + theirResident + "/roles", "{\"role\":\"VOLUNTEER\",\"scopeId\":" + theirs + "}"))
                    .hasStatus(HttpStatus.NOT_FOUND);
            assertThat(get("/api/v1/admin/users")).bodyJson().extractingPath("$.data.items[*].id").asArray()
                    .contains((int) ourResident).doesNotContain((int) theirResident);
            assertThat(post("/api/v1/admin/users/" + ourResident + "/disable", null)).hasStatusOk();

            assertThat(jdbc.queryForObject("select disabled_at is not null from app_user where id = ?", Boolean.class,
                    ourResident)).isTrue();
            assertThat(jdbc.queryForObject("select disabled_at is not null from app_user where id = ?", Boolean.class,
                    theirResident)).isFalse();
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private MvcTestResult get(String uri) {
        return mvc.get().uri(uri).header("Authorization", streetAdmin.bearer()).exchange();
    }

    private MvcTestResult post(String uri, String json) {
        var request = mvc.post().uri(uri).header("Authorization", streetAdmin.bearer());
        return (json == null ? request : request.contentType(MediaType.APPLICATION_JSON).content(json)).exchange();
    }

    private MvcTestResult adjust(long userId) {
        return mvc.post().uri("/api/v1/admin/points/adjustments").header("Authorization", streetAdmin.bearer())
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"userId\":" + userId + ",\"delta\":50,\"reason\":\"补录服务\"}").exchange();
    }

    private StationDetail station(long community) {
        var place = TestPlaces.next();
        return stations.at(community, place.lat(), place.lng()).create();
    }

    private long resident(long community) {
        long id = users.resident().id();
        userService.updateProfile(id, new ProfileUpdate(null, null, community, null));
        return id;
    }

    private long pendingRider(long community) {
        return insert("""
                insert into rider (user_id, platform, real_name, home_community_id, status, created_at, updated_at)
                values (?, 'MEITUAN', '李师傅', ?, 'PENDING', utc_timestamp(3), utc_timestamp(3))""",
                users.resident().id(), community);
    }

    private long pendingRegistration(long community, long unit) {
        return insert("""
                insert into party_registration (user_id, community_id, unit_id, real_name, status, created_at, updated_at)
                values (?, ?, ?, '王党员', 'PENDING', utc_timestamp(3), utc_timestamp(3))""",
                resident(community), community, unit);
    }

    private long heldWish(long community) {
        return insert("""
                insert into wish (poster_id, community_id, title, body, category, urgency, contact_name, address, status,
                                  check_result, created_at, updated_at)
                values (?, ?, '修楼道灯', '三单元二楼的灯坏了', 'REPAIRS', 'HIGH', '张阿姨', '3号楼2单元501', 'PENDING_REVIEW',
                        'REVIEW', utc_timestamp(3), utc_timestamp(3))""", resident(community), community);
    }

    private String wishStatus(long id) {
        return jdbc.queryForObject("select status from wish where id = ?", String.class, id);
    }

    private long insert(String sql, Object... args) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement(sql, java.sql.Statement.RETURN_GENERATED_KEYS);
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    private String stationStatus(long id) {
        return jdbc.queryForObject("select status from station where id = ?", String.class, id);
    }

    private String riderStatus(long id) {
        return jdbc.queryForObject("select status from rider where id = ?", String.class, id);
    }

    private String registrationStatus(long id) {
        return jdbc.queryForObject("select status from party_registration where id = ?", String.class, id);
    }

    private int services(long stationId) {
        return jdbc.queryForObject("select count(*) from booking_service where station_id = ?", Integer.class, stationId);
    }

    private long balance(long userId) {
        List<Long> balances = jdbc.queryForList("select balance from points_account where user_id = ?", Long.class, userId);
        return balances.isEmpty() ? 0 : balances.get(0);
    }

    private static long idOf(MvcTestResult reply) {
        assertThat(reply).hasStatusOk();
        return ((Number) Http.read(reply, "$.data.id")).longValue();
    }

    private static String serviceJson() {
        return """
                {"name":"法律咨询","kind":"SERVICE","capacity":2,"slotMinutes":60,"weeklySchedule":[{"day":1,"opens":"09:00","closes":"17:00"}],
                 "horizonDays":7,"minNoticeMinutes":30,"cancelDeadlineMinutes":60,"weeklyLimit":2,"audience":"RESIDENTS"}
                """;
    }

    private static String rewardJson(long stationId) {
        return """
                {"stationId":%d,"kind":"GOODS","name":"洗衣液","pointsPrice":100,"stock":5}
                """.formatted(stationId);
    }
}
