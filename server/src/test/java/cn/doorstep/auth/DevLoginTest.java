package cn.doorstep.auth;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.support.Http;
import cn.doorstep.support.TestInfrastructure;
import cn.doorstep.support.TestRegions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The dev login of the local profile (here without the demo data, which the local run adds). */
@SpringBootTest(properties = {"spring.flyway.locations=classpath:db/migration", "doorstep.demo.enabled=false"})
@AutoConfigureMockMvc
@ActiveProfiles({"test", "local"})
@Import(TestInfrastructure.class)
class DevLoginTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestRegions regions;

    @Test
    void eachHandleIsItsOwnUser() {
        Integer first = Http.read(devLogin("{\"role\":\"RESIDENT\",\"handle\":\"dev-a\"}"), "$.data.user.id");
        Integer again = Http.read(devLogin("{\"role\":\"RESIDENT\",\"handle\":\"dev-a\"}"), "$.data.user.id");
        Integer other = Http.read(devLogin("{\"role\":\"RESIDENT\",\"handle\":\"dev-b\"}"), "$.data.user.id");

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void bindsStaffToTheDemoStationAndTheTokenWorks() {
        MvcTestResult login = devLogin("{\"role\":\"STAFF\",\"handle\":\"dev-staff\"}");

        assertThat(login).hasStatusOk().bodyJson().extractingPath("$.data.roles[?(@.role=='STAFF')].scopeId")
                .asArray().containsExactly(1);
        String token = Http.read(login, "$.data.token");
        assertThat(mvc.get().uri("/api/v1/me").header("Authorization", "Bearer " + token)).hasStatusOk();
    }

    @Test
    void bindsAdminToTheCommunityAskedFor() {
        assertThat(devLogin("{\"role\":\"ADMIN\",\"handle\":\"dev-admin\",\"scopeId\":7}"))
                .bodyJson().extractingPath("$.data.roles[?(@.role=='ADMIN')].scopeId").asArray().containsExactly(7);
    }

    @Test
    void signsInAStreetAdminWhoActsForEveryCommunityOfTheStreetAndADistrictAdminOfTheDemoDistrict() {
        var chain = regions.chain();
        long second = regions.communityIn(chain.street());

        MvcTestResult street = devLogin("{\"role\":\"STREET_ADMIN\",\"handle\":\"dev-street\",\"scopeId\":" + chain.street() + "}");

        assertThat(street).bodyJson().extractingPath("$.data.roles[?(@.role=='STREET_ADMIN')].scopeId").asArray()
                .containsExactly((int) chain.street());
        assertThat(street).bodyJson().extractingPath("$.data.roles[?(@.role=='ADMIN')].scopeId").asArray()
                .containsExactlyInAnyOrder((int) chain.community(), (int) second);
        assertThat(devLogin("{\"role\":\"DISTRICT_ADMIN\",\"handle\":\"dev-district\"}")).bodyJson()
                .extractingPath("$.data.roles[?(@.role=='DISTRICT_ADMIN')].scopeId").asArray().containsExactly(1);
    }

    @Test
    void rejectsAnUnknownRoleNamingTheField() {
        MvcTestResult reply = devLogin("{\"role\":\"EMPEROR\",\"handle\":\"x\"}");

        assertThat(reply).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.data.errors[0].field").isEqualTo("role");
        assertThat(Http.body(reply)).contains("RESIDENT", "ADMIN");
    }

    @Test
    void rejectsAHandleWithSpaces() {
        assertThat(devLogin("{\"role\":\"RESIDENT\",\"handle\":\"two words\"}")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.data.errors[0].field").isEqualTo("handle");
    }

    private MvcTestResult devLogin(String json) {
        return mvc.post().uri("/api/v1/auth/dev-login").contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }
}
