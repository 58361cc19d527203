package cn.doorstep.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.common.Role;
import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.TestUsers.SignedIn;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** 流动网格员: a community admin pairs a verified rider with a grid; the rider's reports go straight to it. */
@IntegrationTest
class GridRiderTest extends GridReportTestSupport {

    SignedIn rider;

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-12-01T02:00:00Z"));
        setUpPeople();
        rider = riderWithStatus("VERIFIED");
    }

    @AfterEach
    void resetClock() {
        clock.set(Instant.now());
    }

    @Test
    void aPairedRidersReportGoesToTheirGridWhoseHeadSeesIt() {
        var paired = pair(admin, rider, grid);

        assertThat(paired).hasStatusOk();
        assertThat(Http.<Number>read(paired, "$.data.gridId").longValue()).isEqualTo(grid);
        assertThat(audits(rider.id(), "user", "report.grid-rider.pair")).isEqualTo(1);
        assertThat(inbox(rider, "GRID_RIDER_PAIRED")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select body from inbox_item where user_id = ? and kind = 'GRID_RIDER_PAIRED'",
                String.class, rider.id())).contains("流动网格员");

        // they name another community: the pairing decides
        long elsewhere = regions.community();
        long id = idOf(file(rider, """
                {"communityId":%d,"category":"FIRE_LANES","text":"消防通道被占用","lat":43.8378,"lng":126.5496}
                """.formatted(elsewhere)));

        assertThat(jdbc.queryForMap("select channel, community_id, grid_id from report where id = ?", id))
                .containsEntry("channel", "RIDER_GRID").containsEntry("community_id", community).containsEntry("grid_id", grid);
        assertThat(Http.<List<Number>>read(get(gridHead, "/api/v1/admin/reports"), "$.data.items[*].id"))
                .extracting(Number::longValue).containsExactly(id);
        assertThat(inbox(gridHead, "REPORT_ASSIGNED")).isEqualTo(1);
        assertThat(accept(gridHead, id)).hasStatusOk();
        assertThat(Http.<String>read(detail(rider, id), "$.data.status")).isEqualTo("ACCEPTED");
    }

    @Test
    void theAdminListsTheirRidersAndEndsAPairing() {
        pair(admin, rider, grid);
        long otherGrid = gridIn(community);
        assertThat(pair(admin, rider, otherGrid)).as("pairing again moves them").hasStatusOk();

        var list = get(admin, "/api/v1/admin/grid-riders?communityId=" + community);
        assertThat(Http.<List<Number>>read(list, "$.data.items[*].userId")).extracting(Number::longValue)
                .containsExactly(rider.id());
        assertThat(Http.<List<Number>>read(list, "$.data.items[*].gridId")).extracting(Number::longValue)
                .containsExactly(otherGrid);

        assertThat(mvc.delete().uri("/api/v1/admin/grid-riders/" + rider.id()).header("Authorization", admin.bearer())
                .exchange()).hasStatusOk();

        assertThat(jdbc.queryForObject("select count(*) from grid_rider where user_id = ?", Integer.class, rider.id())).isZero();
        assertThat(audits(rider.id(), "user", "report.grid-rider.unpair")).isEqualTo(1);
        long id = fileReport(rider);
        assertThat(jdbc.queryForObject("select channel from report where id = ?", String.class, id)).isEqualTo("APP");
    }

    @Nested
    class Refused {

        @Test
        void aRiderNotVerifiedIsNotPaired() {
            SignedIn pending = riderWithStatus("PENDING");

            var reply = pair(admin, pending, grid);

            assertThat(reply).hasStatus(422);
            assertThat(Http.<Integer>read(reply, "$.code")).isEqualTo(60009);
            assertThat(pair(admin, stranger, grid)).as("no registration at all").hasStatus(422);
            assertThat(jdbc.queryForObject("select count(*) from grid_rider where grid_id = ?", Integer.class, grid)).isZero();
        }

        @Test
        void anotherCommunitysAdminCannotPairListOrUnpair() {
            long theirs = regions.community();
            SignedIn theirAdmin = users.with(Role.ADMIN, theirs);
            pair(admin, rider, grid);

            assertThat(pair(theirAdmin, riderWithStatus("VERIFIED"), grid)).hasStatus(403);
            assertThat(get(theirAdmin, "/api/v1/admin/grid-riders?communityId=" + community)).hasStatus(403);
            var unpair = mvc.delete().uri("/api/v1/admin/grid-riders/" + rider.id()).header("Authorization", theirAdmin.bearer())
                    .exchange();
            assertThat(unpair).hasStatus(404);
            assertThat(Http.<Integer>read(unpair, "$.code")).isEqualTo(60010);
            var steal = pair(theirAdmin, rider, gridIn(theirs));
            assertThat(steal).hasStatus(409);
            assertThat(Http.<Integer>read(steal, "$.code")).isEqualTo(60011);
            assertThat(jdbc.queryForObject("select grid_id from grid_rider where user_id = ?", Long.class, rider.id())).isEqualTo(grid);
        }
    }

    private MvcTestResult pair(SignedIn who, SignedIn riderUser, long gridId) {
        return post(who, "/api/v1/admin/grid-riders", "{\"userId\":%d,\"gridId\":%d}".formatted(riderUser.id(), gridId));
    }

    private SignedIn riderWithStatus(String status) {
        SignedIn user = users.resident();
        jdbc.update("insert into rider (user_id, platform, real_name, home_community_id, status, created_at, updated_at) "
                + "values (?, 'MEITUAN', '周建国', ?, ?, utc_timestamp(3), utc_timestamp(3))", user.id(), community, status);
        return user;
    }

    private int audits(long targetId, String type, String action) {
        return jdbc.queryForObject("select count(*) from audit_log where target_type = ? and target_id = ? and action = ?",
                Integer.class, type, String.valueOf(targetId), action);
    }
}
