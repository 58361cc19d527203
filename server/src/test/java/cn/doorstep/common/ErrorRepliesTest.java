package cn.doorstep.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.TestUsers.SignedIn;
import cn.doorstep.support.TestUsers;
import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Every way a request can be malformed ends in the one error body with a 4xx, never a 500. */
@IntegrationTest
class ErrorRepliesTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestUsers testUsers;

    SignedIn me;

    @BeforeEach
    void signIn() {
        me = testUsers.resident();
    }

    @Test
    void malformedJsonIs400() {
        patchMe("{\"nickname\": ").hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.code").isEqualTo(10001);
    }

    @Test
    void aWrongTypeIs400NamingTheField() {
        var reply = patchMe("{\"communityId\": \"abc\"}");
        reply.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.data.errors[0].field").isEqualTo("communityId");
        reply.bodyJson().extractingPath("$.data.errors[0].message").isEqualTo("must be a number");
    }

    @Test
    void anOversizedBodyIs400() {
        String huge = "{\"nickname\":\"" + "x".repeat(70_000) + "\"}";
        patchMe(huge).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.code").isEqualTo(10002);
    }

    @Test
    void aPathTheFirewallRefusesIs400InTheEnvelope() {
        // an encoded % ("%25"): Spring Security's firewall refuses it before any controller
        var reply = mvc.perform(get(URI.create("/api/v1/wishes/%2500")).header("Authorization", me.bearer()));
        assertThat(reply).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.code").isEqualTo(10000);
    }

    @Test
    void aMissingBodyIs400() {
        assertThat(mvc.patch().uri("/api/v1/me").header("Authorization", me.bearer())
                .contentType(MediaType.APPLICATION_JSON)).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.code").isEqualTo(10001);
    }

    @Test
    void aWrongPathVariableTypeIs400() {
        assertThat(mvc.get().uri("/api/v1/communities/abc")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.data.errors[0].field").isEqualTo("id");
    }

    @Test
    void aPageEndingBeyondTenThousandRowsIs400NamingPageAndTheLastReachablePageIsServed() {
        MvcTestResult deep = mvc.get().uri("/api/v1/points/ledger?page=201&size=50").header("Authorization", me.bearer())
                .exchange();
        assertThat(deep).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(Http.<Integer>read(deep, "$.code")).isEqualTo(10000);
        assertThat(Http.<String>read(deep, "$.data.errors[0].field")).isEqualTo("page");
        assertThat(mvc.get().uri("/api/v1/points/ledger?page=501").header("Authorization", me.bearer()))
                .as("with the default size of 20").hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.data.errors[0].field").isEqualTo("page");
        assertThat(mvc.get().uri("/api/v1/points/ledger?page=200&size=50").header("Authorization", me.bearer()))
                .hasStatusOk().bodyJson().extractingPath("$.data.page").isEqualTo(200);
        assertThat(mvc.get().uri("/api/v1/stations/nearby?lat=43.8&lng=126.5&page=201&size=50"))
                .as("the map search reads its page by hand, with the same bound").hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.data.errors[0].field").isEqualTo("page");
    }

    @Test
    void anUnknownPathIs404() {
        assertThat(mvc.get().uri("/api/v1/nothing-here").header("Authorization", me.bearer()))
                .hasStatus(HttpStatus.NOT_FOUND).bodyJson().extractingPath("$.code").isEqualTo(10400);
    }

    @Test
    void anUnsupportedMethodIs405() {
        assertThat(mvc.delete().uri("/api/v1/me").header("Authorization", me.bearer()))
                .hasStatus(HttpStatus.METHOD_NOT_ALLOWED).bodyJson().extractingPath("$.code").isEqualTo(10405);
    }

    @Test
    void aNonJsonBodyIs415() {
        assertThat(mvc.patch().uri("/api/v1/me").header("Authorization", me.bearer())
                .contentType(MediaType.TEXT_PLAIN).content("nickname=x"))
                .hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE).bodyJson().extractingPath("$.code").isEqualTo(10415);
    }

    @Test
    void anUnknownCommunityIs404() {
        assertThat(mvc.get().uri("/api/v1/communities/99999999")).hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson().extractingPath("$.code").isEqualTo(13001);
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResultAssert patchMe(String json) {
        return assertThat(mvc.patch().uri("/api/v1/me").header("Authorization", me.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange());
    }
}
