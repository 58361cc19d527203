package cn.doorstep.reward;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.common.Role;
import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.TestRegions.Chain;
import cn.doorstep.support.TestUsers.SignedIn;
import cn.doorstep.support.Workbooks;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The redemption lists staff and admins work from, on screen and as a 台账 spreadsheet, over HTTP. */
@IntegrationTest
class RedemptionListsTest extends RewardTestSupport {

    @Nested
    class ForStaff {

        @Test
        void staffSeeThePickupsWaitingAtTheirStationSoonestDeadlineFirstWithoutTheirCodes() {
            long reward = reward(10, 10, null);
            SignedIn first = residentWith(10);
            SignedIn second = residentWith(10);
            SignedIn collected = residentWith(10);
            jdbc.update("update app_user set nickname = '王阿姨', phone = '13812341234' where id = ?", first.id());
            long firstId = idOf(redeem(first, reward));
            clock.set(NOW.plusSeconds(60));
            long secondId = idOf(redeem(second, reward));
            long collectedId = idOf(redeem(collected, reward));
            String code = jdbc.queryForObject("select code from redemption where id = ?", String.class, collectedId);
            assertThat(handOver(staff, code)).hasStatusOk();

            MvcTestResult waiting = get(staff, "/api/v1/staff/redemptions?stationId=" + station);

            assertThat(waiting).hasStatusOk();
            assertThat(ids(waiting)).containsExactly(firstId, secondId);
            assertThat(Http.<String>read(waiting, "$.data.items[0].holder.nickname")).isEqualTo("王阿姨");
            assertThat(Http.<String>read(waiting, "$.data.items[0].holder.phone")).isEqualTo("138****1234");
            assertThat(Http.<String>read(waiting, "$.data.items[0].rewardName")).isEqualTo("大米");
            assertThat(Http.body(waiting)).doesNotContain("\"code\":\"").doesNotContain("qrPayload");
            assertThat(ids(get(staff, "/api/v1/staff/redemptions?stationId=" + station + "&status=REDEEMED")))
                    .containsExactly(collectedId);
        }

        @Test
        void staffOfAnotherStationAndResidentsAreRefused() {
            long reward = reward(10, 10, null);
            redeem(residentWith(10), reward);
            SignedIn elsewhere = users.with(Role.STAFF, stations.at(community, 43.9, 126.6).create().id());

            assertThat(get(elsewhere, "/api/v1/staff/redemptions?stationId=" + station)).hasStatus(HttpStatus.FORBIDDEN)
                    .bodyJson().extractingPath("$.code").isEqualTo(31008);
            assertThat(get(users.resident(), "/api/v1/staff/redemptions?stationId=" + station))
                    .hasStatus(HttpStatus.FORBIDDEN);
            assertThat(get(staff, "/api/v1/staff/redemptions")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                    .extractingPath("$.data.errors[0].field").isEqualTo("stationId");
        }
    }

    @Nested
    class ForAdmins {

        @Test
        void anAdminFiltersTheirCommunitysRedemptionsByStationStatusAndChinaDates() {
            long reward = reward(10, 10, null);
            long second = stations.at(community, 43.841, 126.551).named("第二驿站").create().id();
            long rewardThere = idOf(create(second));
            clock.set(Instant.parse("2026-12-01T15:59:00Z")); // 23:59 on 1 December, China time
            long early = idOf(redeem(residentWith(10), reward));
            clock.set(Instant.parse("2026-12-01T16:00:00Z")); // 00:00 on 2 December
            SignedIn canceller = residentWith(10);
            long cancelled = idOf(redeem(canceller, reward));
            assertThat(cancel(canceller, cancelled)).hasStatusOk();
            long there = idOf(redeem(residentWith(10), rewardThere));

            String list = "/api/v1/admin/redemptions?communityId=" + community;
            assertThat(ids(get(admin, list))).containsExactly(there, cancelled, early);
            assertThat(ids(get(admin, list + "&stationId=" + second))).containsExactly(there);
            assertThat(ids(get(admin, list + "&status=CANCELLED"))).containsExactly(cancelled);
            assertThat(ids(get(admin, list + "&to=2026-12-01"))).containsExactly(early);
            assertThat(ids(get(admin, list + "&from=2026-12-02&to=2026-12-02"))).containsExactly(there, cancelled);
            assertThat(get(admin, list + "&status=LOST")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                    .extractingPath("$.data.errors[0].field").isEqualTo("status");
        }

        @Test
        void aStreetAdminListsAndExportsEveryCommunityOfTheirStreetAndNothingOfTheNeighbouringStreet() {
            Chain chain = regions.chain();
            long home = placeWithRedemption(chain.community());
            long sameStreet = placeWithRedemption(regions.communityIn(chain.street()));
            long neighbour = placeWithRedemption(regions.communityIn(regions.streetIn(chain.district())));
            SignedIn streetAdmin = users.with(Role.STREET_ADMIN, chain.street());

            assertThat(ids(get(streetAdmin, "/api/v1/admin/redemptions"))).containsExactly(sameStreet, home);
            assertThat(ids(get(streetAdmin, "/api/v1/admin/redemptions?communityId=" + communityOf(neighbour))))
                    .isEmpty();
            List<List<String>> rows = Workbooks.rows(get(streetAdmin, "/api/v1/admin/redemptions/export"));
            assertThat(rows).hasSize(3);
            assertThat(rows.stream().skip(1).map(r -> Long.parseLong(r.get(0))))
                    .containsExactly(home, sameStreet);
            assertThat(Workbooks.rows(get(streetAdmin, "/api/v1/admin/redemptions/export?communityId="
                    + communityOf(neighbour)))).hasSize(1);
        }

        @Test
        void theExportHasOneRowPerRedemptionWithPhonesMaskedAndFormulasMadeInert() {
            long reward = reward(10, 10, null);
            SignedIn holder = residentWith(10);
            jdbc.update("update app_user set nickname = '=HYPERLINK(\"http://x.cn\",\"点\")', phone = '13812341234' "
                    + "where id = ?", holder.id());
            long id = idOf(redeem(holder, reward));
            SignedIn other = residentWith(10);
            jdbc.update("update app_user set nickname = '@SUM(A1)' where id = ?", other.id());
            long otherId = idOf(redeem(other, reward));

            List<List<String>> rows = Workbooks.rows(get(admin, "/api/v1/admin/redemptions/export?communityId="
                    + community));

            assertThat(rows).hasSize(3);
            assertThat(rows.get(0)).containsExactly("编号", "奖品", "类型", "数量", "积分", "站点", "社区编号",
                    "兑换人编号", "兑换人", "手机", "状态", "兑换时间", "领取截止", "核销时间", "核销人编号");
            List<String> first = rows.get(1);
            assertThat(first.get(0)).isEqualTo(String.valueOf(id));
            assertThat(first.get(1)).isEqualTo("大米");
            assertThat(first.get(5)).isEqualTo("兑换驿站");
            assertThat(first.get(8)).isEqualTo("'=HYPERLINK(\"http://x.cn\",\"点\")");
            assertThat(first.get(9)).isEqualTo("138****1234");
            assertThat(first.get(10)).isEqualTo("PENDING");
            assertThat(first.get(11)).isEqualTo("2026-12-01 12:00:00"); // NOW in China time
            assertThat(rows.get(2).get(0)).isEqualTo(String.valueOf(otherId));
            assertThat(rows.get(2).get(8)).isEqualTo("'@SUM(A1)");
            assertThat(String.join(",", rows.get(1))).doesNotContain("13812341234");
        }

        @Test
        void anExportOfMoreThanFiftyThousandRowsIsRefusedNamingTheDates() {
            long reward = reward(10, 10, null);
            SignedIn holder = users.resident();
            String tag = Long.toString(System.nanoTime() % 100_000_000L, 36);
            // 50,001 cancelled redemptions (cancelled ones hold no stock): ten digits crossed five times
            jdbc.update("""
                    insert into redemption (reward_id, user_id, station_id, community_id, quantity, points, code,
                                            request_key, status, collect_by, closed_at, created_at, updated_at)
                    select ?, ?, ?, ?, 1, 10, concat('L', ?, n), concat('bulk-', n), 'CANCELLED', utc_timestamp(3),
                           utc_timestamp(3), utc_timestamp(3), utc_timestamp(3)
                    from (select a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d as n
                          from (select 0 d union all select 1 union all select 2 union all select 3 union all select 4
                                union all select 5 union all select 6 union all select 7 union all select 8
                                union all select 9) a,
                               (select 0 d union all select 1 union all select 2 union all select 3 union all select 4
                                union all select 5 union all select 6 union all select 7 union all select 8
                                union all select 9) b,
                               (select 0 d union all select 1 union all select 2 union all select 3 union all select 4
                                union all select 5 union all select 6 union all select 7 union all select 8
                                union all select 9) c,
                               (select 0 d union all select 1 union all select 2 union all select 3 union all select 4
                                union all select 5 union all select 6 union all select 7 union all select 8
                                union all select 9) e,
                               (select 0 d union all select 1 union all select 2 union all select 3 union all select 4
                                union all select 5) f) digits
                    where n <= 50000
                    """, reward, holder.id(), station, community, tag);

            MvcTestResult refused = get(admin, "/api/v1/admin/redemptions/export?communityId=" + community);

            assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.code").isEqualTo(10004);
            assertThat(refused).bodyJson().extractingPath("$.data.errors[0].field").isEqualTo("from");
            assertThat(refused.getResponse().getContentType()).startsWith("application/json");
            assertThat(Workbooks.rows(get(admin, "/api/v1/admin/redemptions/export?communityId=" + community
                    + "&status=PENDING"))).hasSize(1);
        }

        private long placeWithRedemption(long communityId) {
            long at = stations.at(communityId, 43.84, 126.55).create().id();
            SignedIn itsAdmin = users.with(Role.ADMIN, communityId);
            MvcTestResult made = mvc.post().uri("/api/v1/admin/rewards").header("Authorization", itsAdmin.bearer())
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .content(rewardJson(at, "油", 10, 5, null)).exchange();
            assertThat(made).hasStatusOk();
            SignedIn holder = users.resident();
            jdbc.update("insert into points_rule (community_id, kind, points_per_unit, updated_by, updated_at) "
                    + "values (?, 'VOLUNTEER_SERVICE', 10, 0, utc_timestamp(3))", communityId);
            earnIn(holder, 10, communityId);
            MvcTestResult redeemed = redeem(holder, idOf(made));
            assertThat(redeemed).hasStatusOk();
            return idOf(redeemed);
        }

        private long communityOf(long redemption) {
            return jdbc.queryForObject("select community_id from redemption where id = ?", Long.class, redemption);
        }

        private MvcTestResult create(long stationId) {
            return mvc.post().uri("/api/v1/admin/rewards").header("Authorization", admin.bearer())
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .content(rewardJson(stationId, "油", 10, 5, null)).exchange();
        }
    }

    private MvcTestResult get(SignedIn who, String uri) {
        return mvc.get().uri(uri).header("Authorization", who.bearer()).exchange();
    }

    private static List<Long> ids(MvcTestResult reply) {
        assertThat(reply).hasStatusOk();
        List<Number> ids = Http.read(reply, "$.data.items[*].id");
        return ids.stream().map(Number::longValue).toList();
    }
}
