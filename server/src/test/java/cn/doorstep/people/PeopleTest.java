package cn.doorstep.people;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.common.Role;
import cn.doorstep.points.PointsService;
import cn.doorstep.station.StationDetail;
import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.Parallel;
import cn.doorstep.support.SqlStatements;
import cn.doorstep.support.TestPlaces;
import cn.doorstep.support.TestRegions;
import cn.doorstep.support.TestRegions.Chain;
import cn.doorstep.support.TestStations;
import cn.doorstep.support.TestUsers;
import cn.doorstep.support.TestUsers.SignedIn;
import cn.doorstep.user.ProfileUpdate;
import cn.doorstep.user.UserService;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Admins find the people of their scope and grant the roles below their own (issue 16 §2). */
@IntegrationTest
class PeopleTest {

    private static final AtomicInteger PHONES = new AtomicInteger(ThreadLocalRandom.current().nextInt(1_000_000));

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
    @Autowired
    PointsService points;
    @Autowired
    SqlStatements sql;

    Chain home;
    long secondCommunityOfTheStreet;
    long neighbourCommunity;
    long elsewhere;

    @BeforeEach
    void setUp() {
        home = regions.chain();
        secondCommunityOfTheStreet = regions.communityIn(home.street());
        neighbourCommunity = regions.communityIn(regions.streetIn(home.district()));
        elsewhere = regions.community();
    }

    @Nested
    class Finding {

        @Test
        void findsByNicknameNameAsRegisteredPhoneEndingAndMemberCodeWithinTheCommunity() {
            SignedIn admin = users.with(Role.ADMIN, home.community());
            String tag = "T" + PHONES.incrementAndGet();
            long byNickname = person(home.community(), "小明" + tag);
            long byName = person(home.community(), "某人");
            registerVerifiedRider(byName, home.community(), "王建国" + tag);
            long byPhone = person(home.community(), "某人");
            String phone = bindPhone(byPhone);
            long byCode = person(home.community(), "某人");
            String memberCode = points.member(byCode).memberCode();
            long outsideNamesake = person(neighbourCommunity, "小明" + tag);
            long digitsInNickname = person(home.community(), "楼" + phone.substring(7)); // four digits mean a phone

            assertThat(ids(find(admin, "小明" + tag))).containsExactly(byNickname);
            assertThat(ids(find(admin, "建国" + tag))).containsExactly(byName);
            assertThat(ids(find(admin, phone.substring(7)))).containsExactly(byPhone);
            assertThat(ids(find(admin, memberCode.toLowerCase()))).containsExactly(byCode);
            assertThat(ids(find(admin, null))).contains(byNickname, byName, byPhone, byCode, digitsInNickname)
                    .doesNotContain(outsideNamesake);

            MvcTestResult one = find(admin, phone.substring(7));
            assertThat(one).bodyJson().extractingPath("$.data.items[0].phone")
                    .isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
            assertThat(Http.body(one)).doesNotContain(phone);
            assertThat(find(admin, "建国" + tag)).bodyJson().extractingPath("$.data.items[0].registeredName")
                    .isEqualTo("王建国" + tag);
        }

        @Test
        void showsRolesAsGrantedPagedAndReadsAPageOfSixAsCheaplyAsAPageOfOne() {
            SignedIn admin = users.with(Role.ADMIN, secondCommunityOfTheStreet);
            long staff = person(secondCommunityOfTheStreet, "站员");
            users.grant(new SignedIn(staff, null), Role.GRID_HEAD, 77);

            MvcTestResult page = mvc.get().uri("/api/v1/admin/users?page=1&size=1").header("Authorization", admin.bearer())
                    .exchange();
            assertThat(page).hasStatusOk().bodyJson().extractingPath("$.data.size").isEqualTo(1);
            assertThat(page).bodyJson().extractingPath("$.data.items[0].id").isEqualTo((int) staff);
            assertThat(page).bodyJson().extractingPath("$.data.items[0].roles[*].role").asArray()
                    .containsExactly("RESIDENT", "GRID_HEAD");

            int oneStatements = sql.during(() -> assertThat(find(admin, null)).hasStatusOk()).size();
            for (int i = 0; i < 5; i++) {
                long p = person(secondCommunityOfTheStreet, "站员" + i);
                registerVerifiedRider(p, secondCommunityOfTheStreet, "骑手" + i);
                points.member(p);
            }
            var six = find(admin, null);
            assertThat(six).bodyJson().extractingPath("$.data.total").isEqualTo(6); // the admin lives nowhere
            assertThat(sql.during(() -> assertThat(find(admin, null)).hasStatusOk())).hasSize(oneStatements);
        }

        @Test
        void aStreetAdminFindsTheWholeStreetAndAPlatformAdminEveryone() {
            String tag = "S" + PHONES.incrementAndGet();
            long first = person(home.community(), tag);
            long second = person(secondCommunityOfTheStreet, tag);
            long neighbour = person(neighbourCommunity, tag);
            long noCommunity = users.resident().id();
            userService.updateProfile(noCommunity, new ProfileUpdate(tag, null, null, null));

            assertThat(ids(find(users.with(Role.STREET_ADMIN, home.street()), tag))).containsExactly(second, first);
            assertThat(ids(find(users.with(Role.DISTRICT_ADMIN, home.district()), tag)))
                    .containsExactly(neighbour, second, first);
            assertThat(ids(find(users.with(Role.PLATFORM), tag))).containsExactly(noCommunity, neighbour, second, first);
        }

        @Test
        void refusesAQueryLongerThan32CharactersNamingIt() {
            assertThat(find(users.with(Role.ADMIN, home.community()), "x".repeat(33)))
                    .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.data.errors[0].field").asString()
                    .contains("q");
        }
    }

    @Nested
    class Granting {

        @Test
        void aCommunityAdminMakesSomeoneStaffOfTheirStationAndItHoldsOnTheNextRequestUntilRevoked() {
            SignedIn admin = users.with(Role.ADMIN, home.community());
            StationDetail station = station(home.community());
            SignedIn someone = resident(home.community());
            assertThat(checkinCode(someone, station.id())).hasStatus(HttpStatus.FORBIDDEN);

            assertThat(grant(admin, someone.id(), "STAFF", station.id())).hasStatusOk()
                    .bodyJson().extractingPath("$.data.roles[?(@.role=='STAFF')].scopeId").asArray()
                    .containsExactly((int) station.id());

            assertThat(checkinCode(someone, station.id())).hasStatusOk();
            assertThat(roles(admin, someone.id())).bodyJson().extractingPath("$.data.roles[*].role").asArray()
                    .containsExactly("RESIDENT", "STAFF");
            assertThat(grantRows(someone.id(), "STAFF")).isEqualTo(1);
            assertThat(audit(someone.id(), "role.grant")).containsExactly("STAFF " + station.id());

            assertThat(revoke(admin, someone.id(), "STAFF", station.id())).hasStatusOk();
            assertThat(checkinCode(someone, station.id())).hasStatus(HttpStatus.FORBIDDEN);
            assertThat(grantRows(someone.id(), "STAFF")).isZero();
            assertThat(audit(someone.id(), "role.revoke")).containsExactly("STAFF " + station.id());
        }

        @Test
        void tenAdminsGrantingTheSameRoleAtOnceLeaveOneGrantAndOneAuditRow() {
            StationDetail station = station(home.community());
            SignedIn someone = resident(home.community());
            List<SignedIn> admins = Parallel.run(10, 10, i -> users.with(Role.ADMIN, home.community()));

            List<Integer> statuses = Parallel.run(10, 10, i -> grant(admins.get(i), someone.id(), "STAFF", station.id())
                    .getResponse().getStatus());

            assertThat(statuses).containsOnly(200);
            assertThat(grantRows(someone.id(), "STAFF")).isEqualTo(1);
            assertThat(audit(someone.id(), "role.grant")).containsExactly("STAFF " + station.id());
        }

        @Test
        void aCommunityAdminGrantsGridHeadsAndVolunteersOfTheirCommunity() {
            SignedIn admin = users.with(Role.ADMIN, home.community());
            long grid = grid(home.community());
            SignedIn someone = resident(home.community());

            assertThat(grant(admin, someone.id(), "GRID_HEAD", grid)).hasStatusOk();
            assertThat(grant(admin, someone.id(), "VOLUNTEER", home.community())).hasStatusOk();

            assertThat(roles(admin, someone.id())).bodyJson().extractingPath("$.data.roles[*].role").asArray()
                    .containsExactly("RESIDENT", "VOLUNTEER", "GRID_HEAD");
            assertThat(mvc.get().uri("/api/v1/admin/grid-heads?communityId=" + home.community())
                    .header("Authorization", admin.bearer())).bodyJson().extractingPath("$.data.items[*].userId")
                    .asArray().containsExactly((int) someone.id());
        }

        @Test
        void aPlatformAdminMakesDistrictStreetAndCommunityAdminsWhoActFromTheirNextRequest() {
            SignedIn platform = users.with(Role.PLATFORM);
            SignedIn district = resident(home.community());
            SignedIn street = resident(home.community());
            SignedIn community = resident(home.community());
            assertThat(policy(street, secondCommunityOfTheStreet)).hasStatus(HttpStatus.FORBIDDEN);

            assertThat(grant(platform, district.id(), "DISTRICT_ADMIN", home.district())).hasStatusOk();
            assertThat(grant(platform, street.id(), "STREET_ADMIN", home.street())).hasStatusOk();
            assertThat(grant(platform, community.id(), "ADMIN", home.community())).hasStatusOk();

            assertThat(policy(district, neighbourCommunity)).hasStatusOk();
            assertThat(policy(street, secondCommunityOfTheStreet)).hasStatusOk();
            assertThat(policy(street, neighbourCommunity)).hasStatus(HttpStatus.FORBIDDEN);
            assertThat(policy(community, home.community())).hasStatusOk();
            assertThat(policy(community, secondCommunityOfTheStreet)).hasStatus(HttpStatus.FORBIDDEN);
            assertThat(audit(street.id(), "role.grant")).containsExactly("STREET_ADMIN " + home.street());
        }

        @Test
        void streetAndDistrictAdminsDelegateBelowThemselvesWithinTheirScope() {
            SignedIn districtAdmin = users.with(Role.DISTRICT_ADMIN, home.district());
            SignedIn streetAdmin = users.with(Role.STREET_ADMIN, home.street());
            SignedIn someone = resident(home.community());
            long neighbourStreet = jdbc.queryForObject("select street_id from community where id = ?", Long.class,
                    neighbourCommunity);

            assertThat(grant(districtAdmin, someone.id(), "STREET_ADMIN", neighbourStreet)).hasStatusOk();
            assertThat(grant(streetAdmin, someone.id(), "ADMIN", secondCommunityOfTheStreet)).hasStatusOk();
            assertThat(grant(streetAdmin, someone.id(), "ADMIN", neighbourCommunity)).hasStatus(HttpStatus.FORBIDDEN)
                    .bodyJson().extractingPath("$.code").isEqualTo(11006);
            assertThat(grant(streetAdmin, someone.id(), "STREET_ADMIN", home.street())).hasStatus(HttpStatus.FORBIDDEN)
                    .bodyJson().extractingPath("$.code").isEqualTo(11005);
            assertThat(grant(districtAdmin, someone.id(), "DISTRICT_ADMIN", home.district()))
                    .hasStatus(HttpStatus.FORBIDDEN).bodyJson().extractingPath("$.code").isEqualTo(11005);

            assertThat(roles(streetAdmin, someone.id())).bodyJson().extractingPath("$.data.roles[*].role").asArray()
                    .containsExactly("RESIDENT", "ADMIN", "STREET_ADMIN");
        }
    }

    @Nested
    class Refusals {

        @Test
        void aCommunityAdminCannotMakeAdminsNorStaffElsewhere() {
            SignedIn admin = users.with(Role.ADMIN, home.community());
            SignedIn someone = resident(home.community());
            StationDetail neighbours = station(neighbourCommunity);

            assertThat(grant(admin, someone.id(), "ADMIN", home.community())).hasStatus(HttpStatus.FORBIDDEN)
                    .bodyJson().extractingPath("$.code").isEqualTo(11005);
            assertThat(grant(admin, someone.id(), "STREET_ADMIN", home.street())).hasStatus(HttpStatus.FORBIDDEN)
                    .bodyJson().extractingPath("$.code").isEqualTo(11005);
            assertThat(grant(admin, someone.id(), "STAFF", neighbours.id())).hasStatus(HttpStatus.FORBIDDEN)
                    .bodyJson().extractingPath("$.code").isEqualTo(11006);
            assertThat(grant(admin, someone.id(), "GRID_HEAD", grid(neighbourCommunity))).hasStatus(HttpStatus.FORBIDDEN);
            assertThat(grant(admin, someone.id(), "VOLUNTEER", neighbourCommunity)).hasStatus(HttpStatus.FORBIDDEN);

            assertThat(roles(admin, someone.id())).bodyJson().extractingPath("$.data.roles[*].role").asArray()
                    .containsExactly("RESIDENT");
            assertThat(audit(someone.id(), "role.grant")).isEmpty();
        }

        @Test
        void someoneOutsideYourCommunitiesIsNotFound() {
            SignedIn admin = users.with(Role.STREET_ADMIN, home.street());
            SignedIn outsider = resident(neighbourCommunity);

            assertThat(roles(admin, outsider.id())).hasStatus(HttpStatus.NOT_FOUND)
                    .bodyJson().extractingPath("$.code").isEqualTo(12001);
            assertThat(grant(admin, outsider.id(), "VOLUNTEER", home.community())).hasStatus(HttpStatus.NOT_FOUND);
            assertThat(grant(admin, Long.MAX_VALUE, "VOLUNTEER", home.community())).hasStatus(HttpStatus.NOT_FOUND);
            assertThat(grantRows(outsider.id(), "VOLUNTEER")).isZero();
        }

        @Test
        void rolesGrantedElsewhereAndUnknownScopesAreRefusedNamingTheField() {
            SignedIn platform = users.with(Role.PLATFORM);
            SignedIn someone = resident(home.community());

            for (String role : List.of("PLATFORM", "RIDER", "UNIT_ADMIN", "RESIDENT")) {
                assertThat(grant(platform, someone.id(), role, 0)).hasStatus(HttpStatus.BAD_REQUEST)
                        .bodyJson().extractingPath("$.data.errors[0].field").isEqualTo("role");
            }
            assertThat(grant(platform, someone.id(), "STREET_ADMIN", Long.MAX_VALUE)).hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyJson().extractingPath("$.data.errors[0].field").isEqualTo("scopeId");
            assertThat(grant(platform, someone.id(), "STAFF", Long.MAX_VALUE)).bodyJson().extractingPath("$.code")
                    .isEqualTo(13004);
            assertThat(mvc.post().uri("/api/v1/admin/users/{id}/roles", someone.id()).header("Authorization", platform.bearer())
                    .contentType(MediaType.APPLICATION_JSON).content("{\"role\":\"ADMIN\"}"))
                    .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.data.errors[0].field").isEqualTo("scopeId");
            assertThat(roles(platform, someone.id())).bodyJson().extractingPath("$.data.roles[*].role").asArray()
                    .containsExactly("RESIDENT");
        }

        @Test
        void revokingARoleNotHeldIsNotFoundAndAuditsNothing() {
            SignedIn admin = users.with(Role.ADMIN, home.community());
            SignedIn someone = resident(home.community());

            assertThat(revoke(admin, someone.id(), "GRID_HEAD", grid(home.community()))).hasStatus(HttpStatus.NOT_FOUND)
                    .bodyJson().extractingPath("$.code").isEqualTo(11007);
            assertThat(audit(someone.id(), "role.revoke")).isEmpty();
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private long person(long community, String nickname) {
        long id = users.resident().id();
        userService.updateProfile(id, new ProfileUpdate(nickname, null, community, null));
        return id;
    }

    private SignedIn resident(long community) {
        SignedIn r = users.resident();
        userService.updateProfile(r.id(), new ProfileUpdate(null, null, community, null));
        return r;
    }

    private String bindPhone(long userId) {
        String phone = "139" + String.format("%08d", PHONES.incrementAndGet() % 100_000_000);
        userService.bindPhone(userId, phone);
        return phone;
    }

    private void registerVerifiedRider(long userId, long community, String realName) {
        jdbc.update("""
                insert into rider (user_id, platform, real_name, home_community_id, status, created_at, updated_at)
                values (?, 'MEITUAN', ?, ?, 'VERIFIED', utc_timestamp(3), utc_timestamp(3))""", userId, realName, community);
    }

    private StationDetail station(long community) {
        var place = TestPlaces.next();
        return stations.at(community, place.lat(), place.lng()).create();
    }

    private long grid(long community) {
        jdbc.update("insert into grid (community_id, name) values (?, ?)", community, "网格" + PHONES.incrementAndGet());
        return jdbc.queryForObject("select max(id) from grid where community_id = ?", Long.class, community);
    }

    private MvcTestResult find(SignedIn admin, String q) {
        var request = mvc.get().uri("/api/v1/admin/users").header("Authorization", admin.bearer());
        return (q == null ? request : request.param("q", q)).exchange();
    }

    private static List<Long> ids(MvcTestResult reply) {
        List<Number> ids = Http.read(reply, "$.data.items[*].id");
        return ids.stream().map(Number::longValue).toList();
    }

    private MvcTestResult roles(SignedIn admin, long userId) {
        return mvc.get().uri("/api/v1/admin/users/{id}/roles", userId).header("Authorization", admin.bearer()).exchange();
    }

    private MvcTestResult grant(SignedIn admin, long userId, String role, long scopeId) {
        return mvc.post().uri("/api/v1/admin/users/{id}/roles", userId).header("Authorization", admin.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"role\":\"" + role + "\",\"scopeId\":" + scopeId + "}")
                .exchange();
    }

    private MvcTestResult revoke(SignedIn admin, long userId, String role, long scopeId) {
        return mvc.post().uri("/api/v1/admin/users/{id}/roles/revoke", userId).header("Authorization", admin.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"role\":\"" + role + "\",\"scopeId\":" + scopeId + "}")
                .exchange();
    }

    private MvcTestResult checkinCode(SignedIn user, long stationId) {
        return mvc.get().uri("/api/v1/staff/stations/{id}/checkin-code", stationId).header("Authorization", user.bearer())
                .exchange();
    }

    private MvcTestResult policy(SignedIn admin, long community) {
        return mvc.get().uri("/api/v1/admin/wishes/policies/{c}", community).header("Authorization", admin.bearer()).exchange();
    }

    private int grantRows(long userId, String role) {
        return jdbc.queryForObject("select count(*) from user_role where user_id = ? and role = ?", Integer.class, userId, role);
    }

    private List<String> audit(long userId, String action) {
        return jdbc.queryForList("select detail from audit_log where target_type = 'user' and target_id = ? and action = ?",
                String.class, String.valueOf(userId), action);
    }
}
