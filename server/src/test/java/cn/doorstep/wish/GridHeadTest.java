package cn.doorstep.wish;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.audit.AuditLog;
import cn.doorstep.common.Role;
import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.MutableClock;
import cn.doorstep.support.SqlStatements;
import cn.doorstep.support.TestServers;
import cn.doorstep.support.TestUsers.SignedIn;
import cn.doorstep.support.WeChatStubs;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** 三长 and 敲门行动: grid heads, granted per grid, post wishes for residents without a phone and confirm them. */
@IntegrationTest
class GridHeadTest extends WishTestSupport {

    @Autowired
    AuditLog audit;
    @Autowired
    MutableClock clock;
    @Autowired
    SqlStatements sql;

    final WeChatStubs weChat = WeChatStubs.of(TestServers.get());
    long grid;
    long otherGrid;
    SignedIn gridHead;

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-12-01T02:00:00Z"));
        weChat.reset();
        weChat.accessToken();
        weChat.contentCheck("pass");
        contentCheckAnswersInTime();
        setUpPeople();
        grid = insertGrid("第1网格");
        otherGrid = insertGrid("第2网格");
        gridHead = users.resident();
        userService.bindPhone(gridHead.id(), "13600002222");
    }

    @AfterEach
    void resetClock() {
        clock.set(Instant.now());
    }

    @Test
    void anAdminMakesAUserGridHeadOfTheirCommunitysGridAndItIsAudited() {
        assertThat(grant(admin, gridHead.id(), grid)).hasStatusOk().bodyJson().extractingPath("$.data.gridName").isEqualTo("第1网格");

        assertThat(jdbc.queryForObject("select count(*) from user_role where user_id = ? and role = 'GRID_HEAD' and scope_id = ?",
                Integer.class, gridHead.id(), grid)).isEqualTo(1);
        assertThat(mvc.get().uri("/api/v1/admin/grid-heads?communityId=" + community).header("Authorization", admin.bearer()))
                .bodyJson().extractingPath("$.data.items[*].userId").asArray().containsExactly((int) gridHead.id());
        assertThat(audit.of("user", gridHead.id())).extracting(AuditLog.Entry::action).containsExactly("grid-head.grant");
    }

    @Test
    void anAdminOfAnotherCommunityCannotMakeGridHeadsHere() {
        SignedIn otherAdmin = users.with(cn.doorstep.common.Role.ADMIN, regions.community());

        assertThat(grant(otherAdmin, gridHead.id(), grid)).hasStatus(HttpStatus.FORBIDDEN)
                .bodyJson().extractingPath("$.code").isEqualTo(40012);
        assertThat(jdbc.queryForObject("select count(*) from user_role where user_id = ? and role = 'GRID_HEAD'",
                Integer.class, gridHead.id())).isZero();
    }

    @Test
    void aGridHeadPostsForAResidentWithoutAPhoneAndConfirmsForThemWithANote() {
        grant(admin, gridHead.id(), grid);

        MvcTestResult posted = postFor(gridHead, grid);

        assertThat(posted).hasStatusOk().bodyJson().extractingPath("$.data.onBehalf").isEqualTo(true);
        long id = idOf(posted);
        assertThat(jdbc.queryForObject("select poster_id from wish where id = ?", Long.class, id)).isEqualTo(gridHead.id());
        assertThat(claim(volunteer, id, UUID.randomUUID().toString())).hasStatusOk();
        MvcTestResult contact = mvc.get().uri("/api/v1/wishes/" + id + "/contact").header("Authorization", volunteer.bearer())
                .exchange();
        assertThat(contact).bodyJson().extractingPath("$.data.name").isEqualTo("王奶奶");
        assertThat(contact).bodyJson().extractingPath("$.data.address").isEqualTo("5号楼1单元302");
        assertThat(contact).bodyJson().extractingPath("$.data.phone").as("the grid head's: she has none").isEqualTo("13600002222");
        assertThat(contact).bodyJson().extractingPath("$.data.viaGridHead").isEqualTo(true);
        fulfil(volunteer, id, photoUrl(volunteer));

        assertThat(confirm(gridHead, id, 5, null)).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.code").isEqualTo(40015);
        assertThat(confirm(gridHead, id, 5, "上门问过王奶奶，很满意")).hasStatusOk()
                .bodyJson().extractingPath("$.data.status").isEqualTo("CONFIRMED");
        assertThat(detail(gridHead, id)).bodyJson().extractingPath("$.data.timeline[-1:].actor").asArray()
                .containsExactly("GRID_HEAD");
        assertThat(balance(volunteer)).isEqualTo(20);
    }

    @Test
    void anotherGridHeadOfTheSameGridMayActForTheResident() {
        grant(admin, gridHead.id(), grid);
        long id = idOf(postFor(gridHead, grid));
        SignedIn successor = users.resident();
        grant(admin, successor.id(), grid);

        assertThat(cancel(successor, id)).hasStatusOk();
        assertThat(status(id)).isEqualTo("CANCELLED");
    }

    @Test
    void aGridHeadCannotConfirmAWishForTheResidentThatTheyFulfilledThemselves() {
        grant(admin, gridHead.id(), grid);
        long id = idOf(postFor(gridHead, grid));
        SignedIn neighbour = users.with(Role.VOLUNTEER, community);
        grant(admin, neighbour.id(), grid); // a second grid head of the grid, who also volunteers
        assertThat(mvc.post().uri("/api/v1/admin/wishes/" + id + "/dispatch").header("Authorization", admin.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"volunteerId\":" + neighbour.id() + "}")).hasStatusOk();
        assertThat(mvc.post().uri("/api/v1/wishes/" + id + "/accept").header("Authorization", neighbour.bearer()))
                .hasStatusOk();
        assertThat(fulfil(neighbour, id, photoUrl(neighbour))).hasStatusOk();

        MvcTestResult refused = confirm(neighbour, id, 5, "上门问过王奶奶");

        assertThat(refused).hasStatus(HttpStatus.FORBIDDEN).bodyJson().extractingPath("$.code").isEqualTo(40016);
        assertThat(status(id)).isEqualTo("FULFILLED");
        assertThat(balance(neighbour)).isZero();
        assertThat(detail(neighbour, id)).bodyJson().extractingPath("$.data.actions").asArray().doesNotContain("CONFIRM");
        assertThat(confirm(gridHead, id, 5, "上门问过王奶奶")).as("the other grid head may").hasStatusOk();
        assertThat(balance(neighbour)).isEqualTo(20);
    }

    @Test
    void aGridHeadPostsOnlyInTheirOwnGridAndResidentsNotAtAll() {
        grant(admin, gridHead.id(), grid);

        assertThat(postFor(gridHead, otherGrid)).hasStatus(HttpStatus.FORBIDDEN)
                .bodyJson().extractingPath("$.code").isEqualTo(40013);
        assertThat(postFor(stranger, grid)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(jdbc.queryForObject("select count(*) from wish where community_id = ?", Integer.class, community)).isZero();
    }

    @Test
    void aRevokedGridHeadCanNoLongerPost() {
        grant(admin, gridHead.id(), grid);

        assertThat(mvc.post().uri("/api/v1/admin/grid-heads/revoke").header("Authorization", admin.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(grantJson(gridHead.id(), grid)))
                .hasStatusOk().bodyJson().extractingPath("$.data").isEqualTo(true);

        assertThat(postFor(gridHead, grid)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(jdbc.queryForObject("select count(*) from user_role where user_id = ? and role = 'GRID_HEAD'",
                Integer.class, gridHead.id())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from wish where poster_id = ?", Integer.class, gridHead.id()))
                .isZero();
    }

    @Test
    void theGridHeadsOfACommunityRunAsManyStatementsForSixHeadsInThreeGridsAsForOneAndArePaged() {
        assertThat(grant(admin, gridHead.id(), grid)).hasStatusOk();
        String uri = "/api/v1/admin/grid-heads?communityId=" + community;
        List<String> one = statementsOf(uri);

        long third = insertGrid("第3网格");
        for (long g : List.of(grid, otherGrid, otherGrid, third, third)) {
            assertThat(grant(admin, users.resident().id(), g)).hasStatusOk();
        }
        List<String> six = statementsOf(uri);

        assertThat(six).as("1 head: %s%n6 heads: %s", one, six).hasSameSizeAs(one);
        MvcTestResult page = mvc.get().uri(uri + "&page=2&size=4").header("Authorization", admin.bearer()).exchange();
        assertThat(Http.<Integer>read(page, "$.data.total")).isEqualTo(6);
        assertThat(Http.<List<String>>read(page, "$.data.items[*].gridName")).containsExactly("第3网格", "第3网格");
    }

    private List<String> statementsOf(String uri) {
        assertThat(mvc.get().uri(uri).header("Authorization", admin.bearer())).hasStatusOk();
        return sql.during(() -> assertThat(mvc.get().uri(uri).header("Authorization", admin.bearer())).hasStatusOk());
    }

    MvcTestResult grant(SignedIn by, long userId, long gridId) {
        return mvc.post().uri("/api/v1/admin/grid-heads").header("Authorization", by.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(grantJson(userId, gridId)).exchange();
    }

    String grantJson(long userId, long gridId) {
        return "{\"communityId\":" + community + ",\"gridId\":" + gridId + ",\"userId\":" + userId + "}";
    }

    MvcTestResult postFor(SignedIn who, long gridId) {
        return mvc.post().uri("/api/v1/grid/wishes").header("Authorization", who.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"communityId":%d,"gridId":%d,"title":"帮王奶奶买米","text":"王奶奶腿脚不便，需要买一袋米送上楼。",
                         "category":"ELDERLY_CARE","residentName":"王奶奶","doorNumber":"5号楼1单元302"}
                        """.formatted(community, gridId)).exchange();
    }

    long insertGrid(String name) {
        jdbc.update("insert into grid (community_id, name) values (?, ?)", community, name);
        return jdbc.queryForObject("select id from grid where community_id = ? and name = ?", Long.class, community, name);
    }
}
