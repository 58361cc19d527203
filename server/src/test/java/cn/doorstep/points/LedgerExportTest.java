package cn.doorstep.points;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.common.Role;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.MutableClock;
import cn.doorstep.support.TestRegions.Chain;
import cn.doorstep.support.TestRegions;
import cn.doorstep.support.TestUsers.SignedIn;
import cn.doorstep.support.TestUsers;
import cn.doorstep.support.Workbooks;
import cn.doorstep.user.UserService;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The points ledger 台账 of an admin's communities, downloaded over HTTP and read back cell by cell. */
@IntegrationTest
class LedgerExportTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestUsers users;
    @Autowired
    TestRegions regions;
    @Autowired
    UserService userService;
    @Autowired
    PointsService points;
    @Autowired
    ConsistencyReport consistency;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;

    Chain home;
    long neighbour;
    SignedIn admin;

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-12-01T04:00:00Z"));
        home = regions.chain();
        neighbour = regions.communityIn(regions.streetIn(home.district()));
        admin = users.with(Role.ADMIN, home.community());
        for (long community : List.of(home.community(), neighbour)) {
            jdbc.update("insert into points_rule (community_id, kind, points_per_unit, updated_by, updated_at) "
                    + "values (?, 'VOLUNTEER_SERVICE', 10, 0, utc_timestamp(3))", community);
        }
    }

    @AfterEach
    void booksBalance() {
        assertThat(consistency.run().consistent()).as("consistency report").isTrue();
        clock.set(Instant.now());
    }

    @Test
    void anAdminExportsEveryEntryOfTheirCommunityWithPhonesMaskedAndTheAdjustmentsReason() {
        SignedIn member = users.resident();
        userService.bindPhone(member.id(), "13812341234");
        jdbc.update("update app_user set community_id = ? where id = ?", home.community(), member.id());
        earn(member, 30, home.community());
        clock.set(Instant.parse("2026-12-02T04:00:00Z"));
        assertThat(mvc.post().uri("/api/v1/admin/points/adjustments").header("Authorization", admin.bearer())
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"userId\":" + member.id() + ",\"delta\":-10,\"reason\":\"-重复登记\"}").exchange())
                .hasStatusOk();
        earn(users.resident(), 50, neighbour);

        List<List<String>> rows = Workbooks.rows(export(admin, "communityId=" + home.community()));

        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).containsExactly("流水号", "用户编号", "昵称", "手机", "变动", "变动后余额", "原因", "关联类型",
                "关联编号", "社区编号", "操作人编号", "服务时长", "备注", "时间");
        assertThat(rows.get(1).get(1)).isEqualTo(String.valueOf(member.id()));
        assertThat(rows.get(1).get(3)).isEqualTo("138****1234");
        assertThat(rows.get(1).subList(4, 7)).containsExactly("30", "30", "VOLUNTEER_SERVICE");
        assertThat(rows.get(2).subList(4, 7)).containsExactly("-10", "20", "ADJUSTMENT");
        assertThat(rows.get(2).get(10)).isEqualTo(String.valueOf(admin.id()));
        assertThat(rows.get(2).get(12)).isEqualTo("'-重复登记");
        assertThat(rows.get(2).get(13)).isEqualTo("2026-12-02 12:00:00");
        assertThat(Workbooks.rows(export(admin, "reason=ADJUSTMENT"))).hasSize(2);
        assertThat(Workbooks.rows(export(admin, "to=2026-12-01"))).hasSize(2);
        assertThat(export(admin, "reason=GIFT")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .extractingPath("$.data.errors[0].field").isEqualTo("reason");
    }

    @Test
    void aStreetAdminsLedgerHoldsTheirStreetAndADistrictAdminsTheNeighbouringStreetToo() {
        SignedIn here = users.resident();
        SignedIn there = users.resident();
        earn(here, 10, home.community());
        earn(there, 20, neighbour);

        List<List<String>> street = Workbooks.rows(export(users.with(Role.STREET_ADMIN, home.street()), ""));
        List<List<String>> district = Workbooks.rows(export(users.with(Role.DISTRICT_ADMIN, home.district()), ""));

        assertThat(street.stream().skip(1).map(r -> r.get(1))).containsExactly(String.valueOf(here.id()));
        assertThat(district.stream().skip(1).map(r -> r.get(1))).containsExactly(String.valueOf(here.id()),
                String.valueOf(there.id()));
        assertThat(export(users.resident(), "")).hasStatus(HttpStatus.FORBIDDEN);
    }

    private void earn(SignedIn who, long amount, long community) {
        var award = new Award(who.id(), PointsReason.VOLUNTEER_SERVICE, "test", UUID.randomUUID().toString(),
                BigDecimal.valueOf(amount / 10), community, LocalDate.of(2026, 12, 1), null, null);
        assertThat(points.award(award).points()).isEqualTo(amount);
    }

    private MvcTestResult export(SignedIn who, String query) {
        return mvc.get().uri("/api/v1/admin/points/ledger/export?" + query).header("Authorization", who.bearer())
                .exchange();
    }
}
