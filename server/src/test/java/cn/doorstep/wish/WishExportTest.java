package cn.doorstep.wish;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.common.Role;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.MutableClock;
import cn.doorstep.support.TestServers;
import cn.doorstep.support.TestUsers.SignedIn;
import cn.doorstep.support.WeChatStubs;
import cn.doorstep.support.Workbooks;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The wishes 台账: what an admin's office downloads, opened and read back cell by cell. */
@IntegrationTest
class WishExportTest extends WishTestSupport {

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
    void anAdminExportsTheirCommunitysWishesWithTheLoopPhonesMaskedAndFormulasInert() {
        long lamp = idOf(post(poster, wishJson("=1+2 楼道灯")));
        assertThat(claim(volunteer, lamp, UUID.randomUUID().toString())).hasStatusOk();
        clock.set(Instant.parse("2026-12-02T02:00:00Z"));
        long later = idOf(post(poster, wishJson("陪老人聊天")));

        List<List<String>> rows = Workbooks.rows(export(admin, "communityId=" + community));

        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).startsWith("编号", "社区编号", "网格编号", "标题");
        List<String> first = rows.get(1);
        assertThat(first.get(0)).isEqualTo(String.valueOf(lamp));
        assertThat(first.get(3)).isEqualTo("'=1+2 楼道灯");
        assertThat(first.get(6)).isEqualTo("CLAIMED");
        assertThat(first.get(10)).isEqualTo("张阿姨");
        assertThat(first.get(11)).isEqualTo("139****5678");
        assertThat(first.get(12)).isEqualTo(String.valueOf(volunteer.id()));
        assertThat(first.get(14)).isEqualTo("2026-12-01 10:00:00");
        assertThat(String.join(",", first)).doesNotContain("13912345678").doesNotContain("3号楼2单元501");
        assertThat(rows.get(2).get(0)).isEqualTo(String.valueOf(later));
        assertThat(Workbooks.rows(export(admin, "communityId=" + community + "&status=CLAIMED"))).hasSize(2);
        assertThat(Workbooks.rows(export(admin, "communityId=" + community + "&from=2026-12-02"))).hasSize(2)
                .last().satisfies(row -> assertThat(row.get(0)).isEqualTo(String.valueOf(later)));
    }

    @Test
    void aStreetAdminExportsTheirStreetsWishesAndNothingOfTheNeighbouringStreet() {
        long street = jdbc.queryForObject("select street_id from community where id = ?", Long.class, community);
        long district = jdbc.queryForObject("select district_id from street where id = ?", Long.class, street);
        long neighbour = regions.communityIn(regions.streetIn(district));
        long mine = idOf(post(poster, wishJson("修水管")));
        long theirs = idOf(post(poster, wishJson("修水管").replace("\"communityId\":" + community,
                "\"communityId\":" + neighbour)));
        SignedIn streetAdmin = users.with(Role.STREET_ADMIN, street);

        List<List<String>> rows = Workbooks.rows(export(streetAdmin, ""));

        assertThat(rows.stream().skip(1).map(r -> r.get(0))).contains(String.valueOf(mine))
                .doesNotContain(String.valueOf(theirs));
        assertThat(Workbooks.rows(export(streetAdmin, "communityId=" + neighbour))).hasSize(1);
        assertThat(Workbooks.rows(export(users.with(Role.DISTRICT_ADMIN, district), "communityId=" + neighbour)))
                .hasSize(2);
    }

    private MvcTestResult export(SignedIn who, String query) {
        return mvc.get().uri("/api/v1/admin/wishes/export?" + query).header("Authorization", who.bearer()).exchange();
    }
}
