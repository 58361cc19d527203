package cn.doorstep.auth;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.support.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The prod profile, on the test servers: the dev login must not exist there. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("prod")
@Import(TestInfrastructure.class)
class ProductionProfileTest {

    @Autowired
    MockMvcTester mvc;

    @Test
    void hasNoDevLogin() {
        assertThat(mvc.post().uri("/api/v1/auth/dev-login").contentType(MediaType.APPLICATION_JSON)
                .content("{\"role\":\"ADMIN\",\"handle\":\"intruder\"}"))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void stillOffersWeChatLogin() {
        assertThat(mvc.post().uri("/api/v1/auth/wx-login").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }
}
