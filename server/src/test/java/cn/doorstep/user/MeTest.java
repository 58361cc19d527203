package cn.doorstep.user;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.TestUsers;
import cn.doorstep.support.TestUsers.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
class MeTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestUsers testUsers;

    SignedIn me;
    long communityId;
    long gridId;
    long otherCommunitysGrid;

    @BeforeEach
    void setUp() {
        me = testUsers.resident();
        long district = insert("insert into district (name, adcode, sort_order) values ('测试区', ?, 9)",
                "T" + System.nanoTime() % 100_000_000);
        long street = insert("insert into street (district_id, name) values (?, '测试街道')", district);
        communityId = insert("insert into community (street_id, name) values (?, '甲社区')", street);
        long other = insert("insert into community (street_id, name) values (?, '乙社区')", street);
        gridId = insert("insert into grid (community_id, name) values (?, '第1网格')", communityId);
        otherCommunitysGrid = insert("insert into grid (community_id, name) values (?, '第1网格')", other);
    }

    @Test
    void answersWithTheUserAndTheirRoles() {
        assertThat(mvc.get().uri("/api/v1/me").header("Authorization", me.bearer())).hasStatusOk()
                .bodyJson().extractingPath("$.data.roles[0].role").isEqualTo("RESIDENT");
    }

    @Test
    void answers401WithoutAToken() {
        assertThat(mvc.get().uri("/api/v1/me")).hasStatus(HttpStatus.UNAUTHORIZED)
                .bodyJson().extractingPath("$.code").isEqualTo(10100);
    }

    @Test
    void answers401ForAnUnknownToken() {
        assertThat(mvc.get().uri("/api/v1/me").header("Authorization", "Bearer not-a-token"))
                .hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void updatesNicknameAvatarCommunityAndGrid() {
        MvcTestResult updated = patch("""
                {"nickname":"老王","avatarUrl":"https://media.doorstep.test/media/202612/Av4tarAv4tarAv4tarAv4t.png","communityId":%d,"gridId":%d}
                """.formatted(communityId, gridId));

        assertThat(updated).hasStatusOk().bodyJson().extractingPath("$.data.user.nickname").isEqualTo("老王");
        assertThat(updated).bodyJson().extractingPath("$.data.user.gridId").isEqualTo((int) gridId);
        assertThat(jdbc.queryForObject("select community_id from app_user where id = ?", Long.class, me.id()))
                .isEqualTo(communityId);
    }

    @Test
    void movingToAnotherCommunityLeavesTheOldGrid() {
        patch("{\"communityId\":%d,\"gridId\":%d}".formatted(communityId, gridId));
        long street = jdbc.queryForObject("select street_id from community where id = ?", Long.class, communityId);
        long elsewhere = insert("insert into community (street_id, name) values (?, '丙社区')", street);

        assertThat(patch("{\"communityId\":%d}".formatted(elsewhere))).hasStatusOk()
                .bodyJson().extractingPath("$.data.user.gridId").isNull();
        var saved = jdbc.queryForMap("select community_id, grid_id from app_user where id = ?", me.id());
        assertThat(((Number) saved.get("community_id")).longValue()).isEqualTo(elsewhere);
        assertThat(saved.get("grid_id")).as("the old community's grid is cleared in the database").isNull();
    }

    @Nested
    class RejectsBadInput {

        @Test
        void aFieldThatIsNotOneOfTheFour() {
            MvcTestResult reply = patch("{\"nickname\":\"x\",\"phone\":\"13900000000\"}");

            assertThat(reply).hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyJson().extractingPath("$.data.errors[0].field").isEqualTo("phone");
            assertThat(jdbc.queryForObject("select phone from app_user where id = ?", String.class, me.id())).isNull();
            assertThat(jdbc.queryForObject("select nickname from app_user where id = ?", String.class, me.id())).isNull();
        }

        @Test
        void aGridOfAnotherCommunity() {
            assertThat(patch("{\"communityId\":%d,\"gridId\":%d}".formatted(communityId, otherCommunitysGrid)))
                    .hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyJson().extractingPath("$.data.errors[0].field").isEqualTo("gridId");
        }

        @Test
        void anUnknownCommunity() {
            assertThat(patch("{\"communityId\":987654321}")).hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyJson().extractingPath("$.code").isEqualTo(13002);
        }

        @Test
        void aNicknameTooLong() {
            assertThat(patch("{\"nickname\":\"" + "长".repeat(33) + "\"}")).hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyJson().extractingPath("$.data.errors[0].field").isEqualTo("nickname");
        }

        @Test
        void anAvatarFromAnywhereButTheMediaHost() {
            for (String url : new String[] {"http://plain.example.com/a.png", "https://thirdwx.qlogo.cn/mmopen/a/132",
                    "https://media.doorstep.test/media/../etc/passwd.png"}) {
                assertThat(patch("{\"avatarUrl\":\"" + url + "\"}")).as(url).hasStatus(HttpStatus.BAD_REQUEST)
                        .bodyJson().extractingPath("$.data.errors[0].field").isEqualTo("avatarUrl");
            }
        }
    }

    private MvcTestResult patch(String json) {
        return mvc.patch().uri("/api/v1/me").header("Authorization", me.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    private long insert(String sql, Object arg) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement(sql, java.sql.Statement.RETURN_GENERATED_KEYS);
            ps.setObject(1, arg);
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }
}
