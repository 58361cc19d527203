package cn.doorstep.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.TestServers;
import cn.doorstep.support.TestUsers;
import cn.doorstep.support.TestUsers.SignedIn;
import cn.doorstep.support.WeChatStubs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
class PhoneBindingTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestUsers testUsers;

    final WeChatStubs weChat = WeChatStubs.of(TestServers.get());
    SignedIn resident;

    @BeforeEach
    void setUp() {
        weChat.reset();
        weChat.accessToken();
        resident = testUsers.resident();
    }

    @Test
    void bindsThePhoneNumberAndShowsItMasked() {
        weChat.phoneNumber("phone-code", "13812341234");

        MvcTestResult bound = bind("phone-code");

        assertThat(bound).hasStatusOk().bodyJson().extractingPath("$.data.phone").isEqualTo("138****1234");
        assertThat(bound).bodyJson().extractingPath("$.data.phoneBound").isEqualTo(true);
        assertThat(Http.body(bound)).doesNotContain("13812341234");
        assertThat(mvc.get().uri("/api/v1/me").header("Authorization", resident.bearer()))
                .bodyJson().extractingPath("$.data.user.phone").isEqualTo("138****1234");
        assertThat(jdbc.queryForObject("select phone from app_user where id = ?", String.class, resident.id()))
                .isEqualTo("13812341234");
    }

    @Test
    void rejectsAnInvalidPhoneCodeAndKeepsNoNumber() {
        weChat.phoneNumberError("stale", 40029);

        assertThat(bind("stale")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.code").isEqualTo(14006);
        assertThat(jdbc.queryForObject("select phone from app_user where id = ?", String.class, resident.id())).isNull();
    }

    @Test
    void eachUserMayAskWeChatOnlySoOftenAnHour() {
        weChat.phoneNumber("phone-code", "13812341234");

        for (int i = 0; i < 10; i++) {
            assertThat(bind("phone-code")).hasStatusOk();
        }
        MvcTestResult limited = bind("phone-code");
        assertThat(limited).hasStatus(HttpStatus.TOO_MANY_REQUESTS).bodyJson().extractingPath("$.code").isEqualTo(10429);
        assertThat(Integer.parseInt(limited.getResponse().getHeader("Retry-After"))).as("about the hour's rest")
                .isBetween(3500, 3600);
        assertThat(weChat.server().countRequestsMatching(postRequestedFor(urlPathEqualTo(
                "/wxa/business/getuserphonenumber")).build()).getCount()).isEqualTo(10);
        assertThat(bindAs(testUsers.resident(), "phone-code")).as("another user is counted apart").hasStatusOk();
    }

    @Test
    void needsASignedInUser() {
        assertThat(mvc.post().uri("/api/v1/auth/phone").contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"x\"}")).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    private MvcTestResult bindAs(SignedIn who, String code) {
        return mvc.post().uri("/api/v1/auth/phone").header("Authorization", who.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"" + code + "\"}").exchange();
    }

    private MvcTestResult bind(String code) {
        return mvc.post().uri("/api/v1/auth/phone").header("Authorization", resident.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"" + code + "\"}").exchange();
    }
}
