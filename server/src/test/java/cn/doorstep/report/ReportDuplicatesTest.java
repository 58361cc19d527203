package cn.doorstep.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.common.Role;
import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.Parallel;
import cn.doorstep.support.TestServers;
import cn.doorstep.support.TestUsers.SignedIn;
import cn.doorstep.support.WeChatStubs;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** "The same?": open reports near a point, following one instead of filing, and a worker's merge. */
@IntegrationTest
class ReportDuplicatesTest extends ReportTestSupport {

    /** Degrees of latitude per metre. */
    static final double METRE = 1 / 111_320.0;

    final WeChatStubs weChat = WeChatStubs.of(TestServers.get());

    double lat;
    double lng;

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-12-01T02:00:00Z"));
        setUpPeople();
        weChat.reset();
        weChat.accessToken();
        weChat.contentCheck("pass");
        double[] here = somewhere();
        lat = here[0];
        lng = here[1];
    }

    @AfterEach
    void tearDown() {
        weChat.reset();
        clock.set(Instant.now());
    }

    @Test
    void openReportsOfTheCategoryWithinAHundredMetresNearestFirstWithoutPersonalData() {
        long at60 = fileAt(reporter, "LIGHTING", lat + 60 * METRE, lng);
        long at10 = fileAt(users.resident(), "LIGHTING", lat + 10 * METRE, lng);
        fileAt(users.resident(), "LIGHTING", lat + 130 * METRE, lng); // too far
        fileAt(users.resident(), "ROADS", lat, lng); // another category
        long closed = fileAt(users.resident(), "LIGHTING", lat, lng);
        jdbc.update("update report set status = 'CLOSED' where id = ?", closed);

        var reply = similar(stranger, "LIGHTING", lat, lng);

        assertThat(reply).hasStatusOk();
        List<Map<String, Object>> cards = Http.read(reply, "$.data");
        assertThat(cards).extracting(c -> ((Number) c.get("id")).longValue()).containsExactly(at10, at60);
        assertThat(cards).extracting(c -> c.get("distance")).containsExactly(10, 60);
        assertThat(cards.get(0)).containsEntry("excerpt", "小区门口的问题，请尽快处理。").containsEntry("following", false)
                .doesNotContainKeys("reporterId", "caller", "photos", "text", "lat", "lng");
        assertThat(Http.body(reply)).doesNotContain(String.valueOf(reporter.id()));
    }

    @Test
    void atMostFiveAreShown() {
        for (int i = 0; i < 7; i++) {
            fileAt(users.resident(), "SANITATION", lat + i * METRE, lng);
        }

        assertThat(Http.<List<Object>>read(similar(stranger, "SANITATION", lat, lng), "$.data")).hasSize(5);
    }

    @Test
    void textWeChatHasNotPassedIsNotShown() {
        weChat.contentCheck("review");
        fileAt(reporter, "NOISE", lat, lng);

        List<Object> excerpts = Http.read(similar(stranger, "NOISE", lat, lng), "$.data[*].excerpt");
        assertThat(excerpts).containsExactly((Object) null);
    }

    @Test
    void aResidentWhoSaysItIsTheSameFollowsItSeesItInTheirListAndItsDetail() {
        long id = fileAt(reporter, "LIGHTING", lat, lng);
        SignedIn neighbour = users.resident();

        var reply = follow(neighbour, id, "LIGHTING", lat + 30 * METRE, lng);

        assertThat(reply).hasStatusOk();
        assertThat(Http.<Boolean>read(reply, "$.data.following")).isTrue();
        assertThat(steps(id, "FOLLOWED")).isEqualTo(1);
        List<Number> mine = Http.read(get(neighbour, "/api/v1/reports/mine"), "$.data.items[*].id");
        assertThat(mine).extracting(Number::longValue).containsExactly(id);
        assertThat(detail(neighbour, id)).hasStatusOk();
        assertThat(Http.<Object>read(detail(neighbour, id), "$.data.caller")).isNull();
        assertThat(follow(neighbour, id, "LIGHTING", lat, lng)).as("again: nothing new").hasStatusOk();
        assertThat(steps(id, "FOLLOWED")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select via from report_follower where report_id = ? and user_id = ?", String.class,
                id, neighbour.id())).isEqualTo("FOLLOWED");
    }

    @Test
    void aWorkerMergesAReportIntoTheSameOneAndItsReporterFollowsThat() {
        long target = fileAt(reporter, "LIGHTING", lat, lng);
        SignedIn second = users.resident();
        long merged = fileAt(second, "LIGHTING", lat + 20 * METRE, lng);
        SignedIn follower = users.resident();
        follow(follower, merged, "LIGHTING", lat, lng);

        var reply = merge(admin, merged, target);

        assertThat(reply).hasStatusOk();
        assertThat(Http.<String>read(reply, "$.data.status")).isEqualTo("MERGED");
        assertThat(status(merged)).isEqualTo("MERGED");
        assertThat(jdbc.queryForObject("select merged_into from report where id = ?", Long.class, merged)).isEqualTo(target);
        assertThat(steps(merged, "MERGED")).isEqualTo(1);
        assertThat(steps(target, "MERGED")).isEqualTo(1);
        assertThat(jdbc.queryForList("select user_id from report_follower where report_id = ? and via = 'MERGED'", Long.class,
                target)).containsExactlyInAnyOrder(second.id(), follower.id());
        List<Number> mine = Http.read(get(second, "/api/v1/reports/mine"), "$.data.items[*].id");
        assertThat(mine).extracting(Number::longValue).containsExactly(merged, target);
        assertThat(detail(second, target)).hasStatusOk();
        assertThat(jdbc.queryForObject("select count(*) from inbox_item where user_id in (?, ?) and kind = 'REPORT_PROGRESS'",
                Integer.class, second.id(), follower.id())).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'report.merge' and target_id = ?",
                Integer.class, String.valueOf(merged))).isEqualTo(1);
        assertThat(Http.<List<Object>>read(similar(stranger, "LIGHTING", lat, lng), "$.data[*].id"))
                .as("a merged report is no longer offered").hasSize(1);
    }

    @Test
    void twoWorkersMergingTwoReportsIntoEachOtherAtOnceOneLands() {
        SignedIn otherAdmin = users.with(Role.ADMIN, community);
        for (int round = 0; round < 3; round++) {
            long a = fileAt(users.resident(), "WATER", lat, lng + round * 0.01);
            long b = fileAt(users.resident(), "WATER", lat, lng + round * 0.01);

            List<Integer> codes = Parallel.run(2, 2, i -> i == 0 ? merge(admin, a, b) : merge(otherAdmin, b, a))
                    .stream().map(r -> r.getResponse().getStatus()).toList();

            assertThat(codes).containsExactlyInAnyOrder(200, 409);
            assertThat(List.of(status(a), status(b))).containsExactlyInAnyOrder("MERGED", "SUBMITTED");
            assertThat(steps(a, "MERGED") + steps(b, "MERGED")).isEqualTo(2);
        }
    }

    @Nested
    class Refused {

        @Test
        void followingAReportOfAnotherCategoryOrFromAfarIsNotFound() {
            long id = fileAt(reporter, "LIGHTING", lat, lng);

            var otherCategory = follow(stranger, id, "ROADS", lat, lng);
            var afar = follow(stranger, id, "LIGHTING", lat + 500 * METRE, lng);

            assertThat(otherCategory).hasStatus(404);
            assertThat(Http.<Integer>read(otherCategory, "$.code")).isEqualTo(60001);
            assertThat(afar).hasStatus(404);
            assertThat(detail(stranger, id)).hasStatus(404);
            assertThat(steps(id, "FOLLOWED")).isZero();
        }

        @Test
        void aWorkerOfAnotherCommunityCannotMerge() {
            long a = fileAt(reporter, "LIGHTING", lat, lng);
            long b = fileAt(users.resident(), "LIGHTING", lat, lng);
            SignedIn otherAdmin = users.with(Role.ADMIN, regions.community());

            assertThat(merge(otherAdmin, a, b)).hasStatus(404);
            assertThat(status(a)).isEqualTo("SUBMITTED");
        }

        @Test
        void intoAReportOfAnotherCommunityIsNotFound() {
            long a = fileAt(reporter, "LIGHTING", lat, lng);
            long elsewhere = jdbc.queryForObject("select max(id) from report where community_id <> ?", Long.class, community);

            assertThat(merge(admin, a, elsewhere)).hasStatus(404);
        }

        @Test
        void intoItselfNamesTheField() {
            long a = fileAt(reporter, "LIGHTING", lat, lng);

            var reply = merge(admin, a, a);

            assertThat(reply).hasStatus(400);
            assertThat(Http.<Integer>read(reply, "$.code")).isEqualTo(60040);
        }

        @Test
        void intoAClosedReportConflicts() {
            long a = fileAt(reporter, "LIGHTING", lat, lng);
            long b = fileAt(users.resident(), "LIGHTING", lat, lng);
            jdbc.update("update report set status = 'CLOSED' where id = ?", b);

            var reply = merge(admin, a, b);

            assertThat(reply).hasStatus(409);
            assertThat(Http.<Integer>read(reply, "$.code")).isEqualTo(60002);
            assertThat(status(a)).isEqualTo("SUBMITTED");
        }

        @Test
        void aResidentCannotMerge() {
            long a = fileAt(reporter, "LIGHTING", lat, lng);
            long b = fileAt(users.resident(), "LIGHTING", lat, lng);

            assertThat(merge(reporter, a, b)).hasStatus(403);
        }
    }

    private MvcTestResult similar(SignedIn who, String category, double atLat, double atLng) {
        return get(who, "/api/v1/reports/similar?category=%s&lat=%s&lng=%s".formatted(category, atLat, atLng));
    }

    private MvcTestResult follow(SignedIn who, long id, String category, double atLat, double atLng) {
        return post(who, "/api/v1/reports/" + id + "/follow",
                "{\"category\":\"%s\",\"lat\":%s,\"lng\":%s}".formatted(category, atLat, atLng));
    }

    private MvcTestResult merge(SignedIn who, long id, long intoId) {
        return post(who, "/api/v1/admin/reports/" + id + "/merge", "{\"intoId\":" + intoId + "}");
    }
}
