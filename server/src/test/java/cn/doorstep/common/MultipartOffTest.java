package cn.doorstep.common;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.TestUsers;
import cn.doorstep.support.TestUsers.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Only the image upload ({@code POST /api/v1/media/images}) accepts multipart: anywhere else an upload is
 * refused before it is parsed.
 */
@IntegrationTest
class MultipartOffTest {

    static final String BOUNDARY = "----doorstep";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcTemplate jdbc;

    SignedIn me;

    @BeforeEach
    void signIn() {
        me = users.resident();
    }

    @Test
    void aSmallUploadIs415AndChangesNothing() {
        assertThat(upload("x".repeat(100))).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .bodyJson().extractingPath("$.code").isEqualTo(10415);
        assertThat(jdbc.queryForObject("select nickname from app_user where id = ?", String.class, me.id())).isNull();
    }

    @Test
    void aLargeUploadIsRefusedAsTooLargeLikeAnyBody() {
        assertThat(upload("x".repeat(70_000))).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.code").isEqualTo(10002);
    }

    @Test
    void anotherPostRefusesMultipartEvenNextToTheUploadPath() {
        String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\n\r\nx\r\n--"
                + BOUNDARY + "--\r\n";
        for (String path : new String[] {"/api/v1/wishes", "/api/v1/media/images/", "/api/v1/media/other"}) {
            assertThat(mvc.post().uri(path).header("Authorization", me.bearer())
                    .contentType("multipart/form-data; boundary=" + BOUNDARY).content(body).exchange())
                    .as(path).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE).bodyJson().extractingPath("$.code").isEqualTo(10415);
        }
        assertThat(mvc.put().uri("/api/v1/media/images").header("Authorization", me.bearer())
                .contentType("multipart/form-data; boundary=" + BOUNDARY).content(body).exchange())
                .hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult upload(String content) {
        String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"nickname\"\r\n\r\n" + content
                + "\r\n--" + BOUNDARY + "--\r\n";
        return mvc.patch().uri("/api/v1/me").header("Authorization", me.bearer())
                .contentType("multipart/form-data; boundary=" + BOUNDARY).content(body).exchange();
    }
}
