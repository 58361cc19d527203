package cn.doorstep.wish;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.MutableClock;
import cn.doorstep.support.SqlStatements;
import cn.doorstep.support.TestServers;
import cn.doorstep.support.TestUsers.SignedIn;
import cn.doorstep.support.WeChatStubs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The wish lists (the wall, one's own, the admin's) read the posters' phones (to mask them), and the
 * communities' and grids' names, in one statement per kind: six cards run the statements one does.
 */
@IntegrationTest
class WishListsTest extends WishTestSupport {

    @Autowired
    SqlStatements sql;
    @Autowired
    MutableClock clock;

    final WeChatStubs weChat = WeChatStubs.of(TestServers.get());

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-12-01T02:00:00Z"));
        weChat.reset();
        weChat.accessToken();
        weChat.contentCheck("pass");
        contentCheckAnswersInTime();
        setUpPeople();
    }

    @AfterEach
    void resetClock() {
        clock.set(Instant.now());
    }

    @Test
    void theWallRunsAsManyStatementsForSixPostersAsForOne() {
        long grid = grid(community, "一网格");
        assertThat(post(poster, wishIn(community, grid))).hasStatusOk();
        String wall = "/api/v1/wishes?communityId=" + community;
        List<String> one = statementsOf(wall, stranger);

        List<String> phones = new ArrayList<>(List.of("139****5678"));
        for (int i = 0; i < 5; i++) {
            SignedIn another = users.resident();
            userService.bindPhone(another.id(), "1380000000" + i);
            phones.add(0, "138****000" + i);
            assertThat(post(another, wishIn(community, i % 2 == 0 ? grid : grid(community, "网格" + i)))).hasStatusOk();
        }
        List<String> six = statementsOf(wall, stranger);

        assertThat(six).as("1 card: %s%n6 cards: %s", one, six).hasSameSizeAs(one);
        MvcTestResult cards = get(wall, stranger);
        assertThat(Http.<List<String>>read(cards, "$.data.items[*].contact.phone")).as("each poster's, masked, newest first")
                .containsExactlyElementsOf(phones);
        assertThat(Http.<List<String>>read(cards, "$.data.items[*].place.gridName")).containsExactly("一网格", "网格3",
                "一网格", "网格1", "一网格", "一网格");
    }

    @Test
    void myWishesInSixCommunitiesRunAsManyStatementsAsInOne() {
        assertThat(post(poster, wishIn(community, grid(community, "网格")))).hasStatusOk();
        List<String> one = statementsOf("/api/v1/wishes/mine?role=poster", poster);

        List<Long> places = new ArrayList<>(List.of(community));
        for (int i = 0; i < 5; i++) {
            long elsewhere = regions.community();
            places.add(0, elsewhere);
            assertThat(post(poster, wishIn(elsewhere, grid(elsewhere, "网格")))).hasStatusOk();
        }
        List<String> six = statementsOf("/api/v1/wishes/mine?role=poster", poster);

        assertThat(six).as("1 community: %s%n6 communities: %s", one, six).hasSameSizeAs(one);
        MvcTestResult mine = get("/api/v1/wishes/mine?role=poster", poster);
        List<String> names = places.stream().map(id -> jdbc.queryForObject("select name from community where id = ?",
                String.class, id)).toList();
        assertThat(Http.<List<String>>read(mine, "$.data.items[*].place.communityName")).containsExactlyElementsOf(names);
        assertThat(Http.<List<String>>read(mine, "$.data.items[*].place.gridName")).containsOnly("网格").hasSize(6);
    }

    private String wishIn(long communityId, Long gridId) {
        return """
                {"title":"修楼道灯","text":"三单元二楼的灯坏了，晚上看不见。","category":"REPAIRS","urgency":"HIGH",
                 "communityId":%d,"gridId":%s,"contactName":"张阿姨","address":"3号楼2单元501"}
                """.formatted(communityId, gridId);
    }

    private long grid(long communityId, String name) {
        jdbc.update("insert into grid (community_id, name) values (?, ?)", communityId, name);
        return jdbc.queryForObject("select id from grid where community_id = ? and name = ?", Long.class, communityId, name);
    }

    private List<String> statementsOf(String uri, SignedIn who) {
        assertThat(get(uri, who)).hasStatusOk();
        return sql.during(() -> assertThat(get(uri, who)).hasStatusOk());
    }

    private MvcTestResult get(String uri, SignedIn who) {
        return mvc.get().uri(uri).header("Authorization", who.bearer()).exchange();
    }
}
