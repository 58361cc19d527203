package cn.doorstep.auth;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.support.TestInfrastructure;
import cn.doorstep.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
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
    @Autowired
    TestUsers users;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void hasNoDevLogin() {
        // not even let through security: the path is on no permit list outside the local profile
        assertThat(mvc.post().uri("/api/v1/auth/dev-login").contentType(MediaType.APPLICATION_JSON)
                .content("{\"role\":\"ADMIN\",\"handle\":\"intruder\"}"))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        // and behind it, nothing answers
        assertThat(mvc.post().uri("/api/v1/auth/dev-login").header("Authorization", users.resident().bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"role\":\"ADMIN\",\"handle\":\"intruder\"}"))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(jdbc.queryForObject("select count(*) from app_user where openid = 'dev:intruder'", Integer.class))
                .isZero();
    }

    @Test
    void stillOffersWeChatLogin() {
        assertThat(mvc.post().uri("/api/v1/auth/wx-login").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }
}
