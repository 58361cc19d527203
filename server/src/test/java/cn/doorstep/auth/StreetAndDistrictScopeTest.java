package cn.doorstep.auth;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.common.Role;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.TestRegions;
import cn.doorstep.support.TestRegions.Chain;
import cn.doorstep.support.TestUsers;
import cn.doorstep.support.TestUsers.SignedIn;
import cn.doorstep.user.ProfileUpdate;
import cn.doorstep.user.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * A street's admin acts as the admin of every community in their street, a district's admin of every
 * community in their district, and neither sees anything outside it (404, as for another community).
 */
@IntegrationTest
class StreetAndDistrictScopeTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestUsers users;
    @Autowired
    TestRegions regions;
    @Autowired
    UserService userService;
    @Autowired
    RoleService roles;

    Chain home;
    long neighbourStreet;
    long neighbourCommunity;
    Chain elsewhere;

    @BeforeEach
    void setUp() {
        home = regions.chain();
        neighbourStreet = regions.streetIn(home.district());
        neighbourCommunity = regions.communityIn(neighbourStreet);
        elsewhere = regions.chain();
    }

    @Test
    void aStreetAdminActsOnEveryCommunityOfTheirStreetAndNothingOutside() {
        SignedIn streetAdmin = users.with(Role.STREET_ADMIN, home.street());
        long secondCommunityOfTheStreet = regions.communityIn(home.street());

        assertThat(disable(streetAdmin, residentOf(home.community()))).hasStatusOk();
        assertThat(disable(streetAdmin, residentOf(secondCommunityOfTheStreet))).hasStatusOk();
        assertThat(policy(streetAdmin, home.community())).hasStatusOk();

        long neighbour = residentOf(neighbourCommunity);
        assertThat(disable(streetAdmin, neighbour)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(disable(streetAdmin, residentOf(elsewhere.community()))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(policy(streetAdmin, neighbourCommunity)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(disabledAt(neighbour)).isNull();
    }

    @Test
    void aDistrictAdminActsOnEveryStreetOfTheirDistrictAndNothingOutside() {
        SignedIn districtAdmin = users.with(Role.DISTRICT_ADMIN, home.district());

        assertThat(disable(districtAdmin, residentOf(home.community()))).hasStatusOk();
        long neighbour = residentOf(neighbourCommunity);
        assertThat(disable(districtAdmin, neighbour)).hasStatusOk();
        assertThat(disabledAt(neighbour)).isNotNull();

        long outside = residentOf(elsewhere.community());
        assertThat(disable(districtAdmin, outside)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(disabledAt(outside)).isNull();
    }

    @Test
    void aRevokedStreetAdminLosesTheStreetOnTheirNextRequest() {
        SignedIn streetAdmin = users.with(Role.STREET_ADMIN, home.street());
        assertThat(policy(streetAdmin, home.community())).hasStatusOk();

        roles.revoke(streetAdmin.id(), Role.STREET_ADMIN, home.street());

        assertThat(policy(streetAdmin, home.community())).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void aStreetAdminsAccountIsNotTheCommunityAdminsToDisable() {
        SignedIn communityAdmin = users.with(Role.ADMIN, home.community());
        SignedIn streetAdmin = users.with(Role.STREET_ADMIN, home.street());
        userService.updateProfile(streetAdmin.id(), new ProfileUpdate(null, null, home.community(), null));

        assertThat(disable(communityAdmin, streetAdmin.id())).hasStatus(HttpStatus.FORBIDDEN)
                .bodyJson().extractingPath("$.code").isEqualTo(11003);
        assertThat(disabledAt(streetAdmin.id())).isNull();
    }

    private long residentOf(long community) {
        SignedIn resident = users.resident();
        userService.updateProfile(resident.id(), new ProfileUpdate(null, null, community, null));
        return resident.id();
    }

    private MvcTestResult disable(SignedIn admin, long userId) {
        return mvc.post().uri("/api/v1/admin/users/{id}/disable", userId).header("Authorization", admin.bearer()).exchange();
    }

    private MvcTestResult policy(SignedIn admin, long community) {
        return mvc.get().uri("/api/v1/admin/wishes/policies/{c}", community).header("Authorization", admin.bearer()).exchange();
    }

    private Object disabledAt(long userId) {
        return jdbc.queryForObject("select disabled_at from app_user where id = ?", Object.class, userId);
    }
}
