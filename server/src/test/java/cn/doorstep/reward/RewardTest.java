package cn.doorstep.reward;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.audit.AuditLog;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.Role;
import cn.doorstep.common.RoleGrant;
import cn.doorstep.support.Http;
import cn.doorstep.support.Inboxes;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.TestUsers.SignedIn;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The catalogue, redeeming, cancelling and 核销 as residents, admins and staff use them over HTTP. */
@IntegrationTest
class RewardTest extends RewardTestSupport {

    @Autowired
    AuditLog audit;
    @Autowired
    RewardCatalogue catalogue;
    @Autowired
    RedemptionExpiry expiry;

    @Nested
    class Notices {

        @Test
        void aRedemptionLandsInTheHoldersInboxReadyWithItsDeadlineAndStation() {
            long reward = reward(10, 5, null);
            SignedIn me = residentWith(30);

            long id = idOf(redeem(me, reward, 2, key()));

            assertThat(Inboxes.of(mvc, me, "REDEMPTION_READY")).singleElement().satisfies(notice -> {
                assertThat(notice.get("body")).asString().contains(" ×2").contains("2026-12-08 12:00").contains("兑换驿站");
                assertThat(notice.get("page")).isEqualTo("pages/reward/redemption?id=" + id);
            });
        }

        @Test
        void aRedemptionAboutToExpireIsRemindedOnceAndOneCollectedNever() {
            long reward = reward(10, 5, null);
            SignedIn me = residentWith(20);
            long waiting = idOf(redeem(me, reward));
            String collected = Http.read(redeem(me, reward), "$.data.code");
            assertThat(handOver(staff, collected)).hasStatusOk();

            clock.set(NOW.plus(Duration.ofDays(5)));
            assertThat(expiry.remindDue()).as("two days before the deadline: not yet").isZero();
            clock.set(NOW.plus(Duration.ofDays(6)).plus(Duration.ofHours(1)));
            expiry.remindDue();
            assertThat(expiry.remindDue()).as("once").isZero();

            assertThat(Inboxes.of(mvc, me, "REDEMPTION_EXPIRING")).singleElement().satisfies(notice -> {
                assertThat(notice.get("page")).isEqualTo("pages/reward/redemption?id=" + waiting);
                assertThat(notice.get("body")).asString().contains("2026-12-08 12:00");
            });
            assertThat(jdbc.queryForObject("select reminded_at is not null from redemption where id = ?", Boolean.class,
                    waiting)).isTrue();
        }

        @Test
        void aRedemptionPastItsDeadlineIsExpiredNotReminded() {
            long reward = reward(10, 5, null);
            SignedIn me = residentWith(10);
            long id = idOf(redeem(me, reward));

            clock.set(NOW.plus(Duration.ofDays(8)));
            assertThat(expiry.remindDue()).isZero();
            expiry.expireDue();

            assertThat(Inboxes.of(mvc, me, "REDEMPTION_EXPIRING")).isEmpty();
            assertThat(status(id)).isEqualTo("EXPIRED");
        }
    }

    @Nested
    class Catalogue {

        @Test
        void residentsSeeARewardsPhotoOnlyOnceWeChatPassedIt() {
            String photo = uncheckedPhotoUrl(admin);
            long reward = idOf(create(admin, """
                    {"stationId":%d,"kind":"GOODS","name":"大米","pointsPrice":40,"stock":5,"photos":["%s"]}
                    """.formatted(station, photo)));
            SignedIn resident = users.resident();

            assertThat(get(resident, "/api/v1/rewards/" + reward)).hasStatusOk().bodyJson()
                    .extractingPath("$.data.photos").asArray().isEmpty();
            assertThat(get(resident, "/api/v1/rewards?stationId=" + station)).bodyJson()
                    .extractingPath("$.data.items[0].photos").asArray().isEmpty();
            assertThat(get(admin, "/api/v1/admin/rewards/" + reward)).bodyJson()
                    .extractingPath("$.data.photos").asArray().containsExactly(photo);

            jdbc.update("update media_image set check_status = 'PASSED' where path = ?", pathOf(photo));

            assertThat(get(resident, "/api/v1/rewards/" + reward)).bodyJson()
                    .extractingPath("$.data.photos").asArray().containsExactly(photo);
        }

        @Test
        void residentsSeeOnlyTheRewardsOnOfferNow() {
            String photo = photoUrl(admin);
            MvcTestResult made = create(admin, """
                    {"stationId":%d,"kind":"SERVICE","name":"理发一次","pointsPrice":50,"stock":5,"photos":["%s"]}
                    """.formatted(station, photo));
            assertThat(made).hasStatusOk().bodyJson().extractingPath("$.data.available").isEqualTo(true);
            long haircut = idOf(made);
            long later = idOf(create(admin, """
                    {"stationId":%d,"kind":"GOODS","name":"雨伞","pointsPrice":30,"stock":5,"availableFrom":"2027-01-01T00:00:00Z"}
                    """.formatted(station)));
            long withdrawn = reward(10, 5, null);
            assertThat(post(admin, "/api/v1/admin/rewards/" + withdrawn + "/withdraw")).hasStatusOk();
            long otherCommunity = regions.community();
            long elsewhere = stations.at(otherCommunity, 43.85, 126.56).create().id();
            SignedIn otherAdmin = users.with(Role.ADMIN, otherCommunity);
            create(otherAdmin, rewardJson(elsewhere, "油", 20, 5, null));
            SignedIn resident = users.resident();

            MvcTestResult list = get(resident, "/api/v1/rewards?communityId=" + community);
            assertThat(list).hasStatusOk().bodyJson().extractingPath("$.data.items[*].id").asArray()
                    .containsExactly((int) haircut);
            assertThat(list).bodyJson().extractingPath("$.data.items[0].photos[0]").isEqualTo(photo);
            assertThat(get(resident, "/api/v1/rewards?stationId=" + station)).bodyJson()
                    .extractingPath("$.data.total").isEqualTo(1);
            assertThat(get(resident, "/api/v1/rewards/" + later)).hasStatusOk().bodyJson()
                    .extractingPath("$.data.available").isEqualTo(false);
            assertThat(get(resident, "/api/v1/rewards/" + withdrawn)).hasStatus(HttpStatus.NOT_FOUND);
            assertThat(get(resident, "/api/v1/rewards")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                    .extractingPath("$.data.errors[0].field").isEqualTo("communityId");
            assertThat(get(admin, "/api/v1/admin/rewards?communityId=" + community)).bodyJson()
                    .extractingPath("$.data.total").isEqualTo(3);
            assertThat(get(otherAdmin, "/api/v1/admin/rewards?communityId=" + community)).hasStatus(HttpStatus.FORBIDDEN);
        }

        @Test
        void anAdminReadsTheirCommunitysRewardWithdrawnOrNotAndAnotherCommunitysAdminIsRefused() {
            long reward = reward(10, 5, 2);
            assertThat(post(admin, "/api/v1/admin/rewards/" + reward + "/withdraw")).hasStatusOk();

            MvcTestResult read = get(admin, "/api/v1/admin/rewards/" + reward);

            assertThat(read).hasStatusOk();
            assertThat(Http.<String>read(read, "$.data.status")).isEqualTo("WITHDRAWN");
            assertThat(Http.<Integer>read(read, "$.data.stock")).isEqualTo(5);
            assertThat(Http.<Integer>read(read, "$.data.perUserLimit")).isEqualTo(2);
            assertThat(Http.<Boolean>read(read, "$.data.available")).isFalse();
            SignedIn otherAdmin = users.with(Role.ADMIN, regions.community());
            assertThat(get(otherAdmin, "/api/v1/admin/rewards/" + reward)).hasStatus(HttpStatus.NOT_FOUND);
            assertThat(get(admin, "/api/v1/admin/rewards/987654321")).hasStatus(HttpStatus.NOT_FOUND)
                    .bodyJson().extractingPath("$.code").isEqualTo(31001);
        }

        @Test
        void anAdminOffersRewardsOnlyAtStationsOfTheirCommunity() {
            long otherCommunity = regions.community();
            long elsewhere = stations.at(otherCommunity, 43.85, 126.56).create().id();

            assertThat(create(admin, rewardJson(elsewhere, "油", 20, 5, null))).hasStatus(HttpStatus.FORBIDDEN)
                    .bodyJson().extractingPath("$.code").isEqualTo(31007);
            assertThat(create(admin, rewardJson(999_999_999L, "油", 20, 5, null))).hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyJson().extractingPath("$.data.errors[0].field").isEqualTo("stationId");
            assertThat(create(admin, """
                    {"stationId":%d,"kind":"GOODS","name":"油","pointsPrice":20,"stock":5,"photos":["https://evil.example/x.jpg"]}
                    """.formatted(station))).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                    .extractingPath("$.data.errors[0].field").asString().startsWith("photos");
            assertThat(create(admin, """
                    {"stationId":%d,"kind":"GOODS","name":"油","pointsPrice":20,"stock":5,
                     "availableFrom":"2027-01-02T00:00:00Z","availableUntil":"2027-01-01T00:00:00Z"}
                    """.formatted(station))).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                    .extractingPath("$.data.errors[0].field").isEqualTo("availableUntil");
            assertThat(jdbc.queryForObject("select count(*) from reward where community_id in (?, ?)", Integer.class,
                    community, otherCommunity)).isZero();
        }

        @Test
        void aChangeRewritesEveryFieldButTheStockAndClearsWhatWasLeftOut() {
            long reward = reward(10, 5, 2);
            long second = stations.at(community, 43.841, 126.551).named("第二驿站").create().id();

            assertThat(put(admin, "/api/v1/admin/rewards/" + reward, """
                    {"stationId":%d,"kind":"SERVICE","name":"保洁一小时","pointsPrice":80}
                    """.formatted(second))).hasStatusOk();

            var saved = jdbc.queryForMap("select * from reward where id = ?", reward);
            assertThat(saved.get("station_id")).isEqualTo(second);
            assertThat(saved.get("name")).isEqualTo("保洁一小时");
            assertThat(saved.get("points_price")).isEqualTo(80);
            assertThat(saved.get("per_user_limit")).isNull();
            assertThat(saved.get("description")).isNull();
            assertThat(saved.get("stock")).isEqualTo(5);
            SignedIn otherAdmin = users.with(Role.ADMIN, regions.community());
            assertThat(put(otherAdmin, "/api/v1/admin/rewards/" + reward, """
                    {"stationId":%d,"kind":"SERVICE","name":"x","pointsPrice":1}
                    """.formatted(second))).hasStatus(HttpStatus.NOT_FOUND);
            assertThat(audit.of("reward", reward)).extracting(AuditLog.Entry::action)
                    .contains("reward.create", "reward.change");
        }

        @Test
        void aRestockAddsOncePerKeyAndTheGateFollows() {
            long reward = reward(10, 1, null);
            assertThat(redeem(residentWith(10), reward)).hasStatusOk();
            assertThat(redeem(residentWith(10), reward)).hasStatus(HttpStatus.CONFLICT);
            assertThat(stockInRedis(reward)).isEqualTo("0");
            String key = key();

            assertThat(restock(reward, 5, key)).hasStatusOk().bodyJson().extractingPath("$.data.stock").isEqualTo(5);
            assertThat(restock(reward, 5, key)).hasStatusOk();
            redis.delete("idem:" + admin.id() + ":" + key); // Redis forgot the key: MySQL's unique reference holds
            assertThat(restock(reward, 5, key)).hasStatusOk();

            assertThat(stockInMySql(reward)).isEqualTo(5);
            assertThat(stockInRedis(reward)).isEqualTo("5");
            assertThat(redeem(residentWith(10), reward)).hasStatusOk();
            assertThat(stockInRedis(reward)).isEqualTo("4");
        }

        @Test
        void theLongestReferenceARestockBuildsFitsAndAddsOnce() {
            long reward = reward(10, 1, null);
            // the largest admin id there can be, with the longest key: what the stock-in reference must hold
            var biggest = new CurrentUser(Long.MAX_VALUE, Set.of(new RoleGrant(Role.ADMIN, community)));
            String key = "x".repeat(64);

            catalogue.restock(biggest, reward, 5, key);
            catalogue.restock(biggest, reward, 5, key);

            assertThat(stockInMySql(reward)).isEqualTo(6);
            assertThat(jdbc.queryForObject("select ref from reward_stock_in where reward_id = ? and reason = 'RESTOCK'",
                    String.class, reward)).isEqualTo("restock:" + Long.MAX_VALUE + ":" + key);
        }

        @Test
        void aWithdrawnRewardCannotBeRedeemedUntilReinstated() {
            long reward = reward(10, 5, null);
            SignedIn me = residentWith(20);
            assertThat(post(admin, "/api/v1/admin/rewards/" + reward + "/withdraw")).hasStatusOk();
            assertThat(post(admin, "/api/v1/admin/rewards/" + reward + "/withdraw")).hasStatus(HttpStatus.CONFLICT);

            assertThat(redeem(me, reward)).hasStatus(HttpStatus.CONFLICT).bodyJson()
                    .extractingPath("$.data.reason").isEqualTo("withdrawn");
            assertThat(stockInRedis(reward)).as("the reservation went back").isEqualTo("5");

            assertThat(post(admin, "/api/v1/admin/rewards/" + reward + "/reinstate")).hasStatusOk();
            assertThat(redeem(me, reward)).hasStatusOk();
            assertThat(balance(me)).isEqualTo(10);
        }
    }

    @Nested
    class Redeeming {

        @Test
        void aRedemptionCarriesACodeTheStationAndTheDeadlineAndIsListedNewestFirst() {
            long reward = reward(30, 5, null);
            SignedIn me = residentWith(100);

            MvcTestResult first = redeem(me, reward);
            MvcTestResult second = redeem(me, reward, 2, key());

            assertThat(first).hasStatusOk();
            String code = Http.read(first, "$.data.code");
            assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{10}");
            assertThat(first).bodyJson().extractingPath("$.data.qrPayload").isEqualTo("doorstep:redemption:" + code);
            assertThat(first).bodyJson().extractingPath("$.data.station.name").isEqualTo("兑换驿站");
            assertThat(first).bodyJson().extractingPath("$.data.collectBy").isEqualTo(NOW.plus(Duration.ofDays(7)).toString());
            assertThat(first).bodyJson().extractingPath("$.data.status").isEqualTo("PENDING");
            assertThat(second).bodyJson().extractingPath("$.data.points").isEqualTo(60);
            assertThat(balance(me)).isEqualTo(10);
            assertThat(stockInMySql(reward)).isEqualTo(2);
            assertThat(get(me, "/api/v1/redemptions/mine")).bodyJson().extractingPath("$.data.items[*].id").asArray()
                    .containsExactly((int) idOf(second), (int) idOf(first));
            assertThat(get(me, "/api/v1/redemptions/" + idOf(first))).bodyJson().extractingPath("$.data.code").isEqualTo(code);
            assertThat(get(me, "/api/v1/points/ledger")).bodyJson().extractingPath("$.data.items[0].reason").isEqualTo("REDEEM");
        }

        @Test
        void notEnoughPointsIsRefusedAndGivesTheReservationBack() {
            long reward = reward(30, 5, null);
            SignedIn me = residentWith(20);

            assertThat(redeem(me, reward)).hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.code").isEqualTo(30001);

            assertThat(stockInMySql(reward)).isEqualTo(5);
            assertThat(stockInRedis(reward)).isEqualTo("5");
            assertThat(redemptions(reward)).isZero();
            assertThat(balance(me)).isEqualTo(20);
        }

        @Test
        void overTheLimitIsRefusedAndLeavesTheStockAndTheGateAlone() {
            long reward = reward(10, 5, 1);
            SignedIn me = residentWith(50);
            assertThat(redeem(me, reward)).hasStatusOk();

            assertThat(redeem(me, reward)).hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.code")
                    .isEqualTo(31005);

            assertThat(stockInMySql(reward)).isEqualTo(4);
            assertThat(stockInRedis(reward)).as("the refused reservation went back").isEqualTo("4");
            assertThat(redemptions(reward)).isEqualTo(1);
            assertThat(jdbc.queryForObject("select units from reward_holder where reward_id = ? and user_id = ?",
                    Integer.class, reward, me.id())).isEqualTo(1);
            assertThat(balance(me)).isEqualTo(40);
        }

        @Test
        void aRedemptionNeedsAnIdempotencyKeyAndAnExistingReward() {
            SignedIn me = residentWith(20);
            assertThat(mvc.post().uri("/api/v1/redemptions").header("Authorization", me.bearer())
                    .contentType(MediaType.APPLICATION_JSON).content("{\"rewardId\":1,\"quantity\":1}"))
                    .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.data.errors[0].field")
                    .isEqualTo("Idempotency-Key");
            assertThat(redeem(me, 999_999_999L)).hasStatus(HttpStatus.NOT_FOUND).bodyJson().extractingPath("$.code")
                    .isEqualTo(31001);
            assertThat(redeem(me, reward(10, 5, null), 11, key())).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(jdbc.queryForObject("select count(*) from redemption where user_id = ?", Integer.class, me.id()))
                    .isZero();
            assertThat(balance(me)).isEqualTo(20);
        }

        @Test
        void anotherUsersRedemptionIsNotFoundToReadOrCancel() {
            long reward = reward(10, 5, null);
            SignedIn me = residentWith(10);
            long id = idOf(redeem(me, reward));
            SignedIn stranger = residentWith(0);

            assertThat(get(stranger, "/api/v1/redemptions/" + id)).hasStatus(HttpStatus.NOT_FOUND);
            assertThat(cancel(stranger, id)).hasStatus(HttpStatus.NOT_FOUND).bodyJson().extractingPath("$.code").isEqualTo(31002);
            assertThat(status(id)).isEqualTo("PENDING");
            assertThat(balance(me)).isZero();
        }

        @Test
        void aCancelGivesPointsAndStockBackOnce() {
            long reward = reward(10, 5, null);
            SignedIn me = residentWith(10);
            long id = idOf(redeem(me, reward));

            assertThat(cancel(me, id)).hasStatusOk().bodyJson().extractingPath("$.data.status").isEqualTo("CANCELLED");
            assertThat(cancel(me, id)).hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.data.status")
                    .isEqualTo("CANCELLED");

            assertThat(balance(me)).isEqualTo(10);
            assertThat(ledgerEntries(me, "REDEEM_REFUND")).isEqualTo(1);
            assertThat(stockInMySql(reward)).isEqualTo(5);
            assertThat(stockInRedis(reward)).isEqualTo("5");
        }
    }

    @Test
    void myRedemptionsAtSixStationsRunAsManyStatementsAsAtOne() {
        SignedIn me = residentWith(60);
        assertThat(redeem(me, reward(10, 5, null))).hasStatusOk();
        List<String> one = sql.during(() -> assertThat(mvc.get().uri("/api/v1/redemptions/mine")
                .header("Authorization", me.bearer())).hasStatusOk());

        for (int i = 0; i < 5; i++) {
            long elsewhere = stations.at(community, 43.84, 126.56 + i * 0.001).named("兑换点" + i).create().id();
            MvcTestResult offered = mvc.post().uri("/api/v1/admin/rewards").header("Authorization", admin.bearer())
                    .contentType(MediaType.APPLICATION_JSON).content(rewardJson(elsewhere, "挂面" + i, 10, 5, null)).exchange();
            assertThat(redeem(me, idOf(offered))).hasStatusOk();
        }
        List<String> six = sql.during(() -> assertThat(mvc.get().uri("/api/v1/redemptions/mine")
                .header("Authorization", me.bearer())).hasStatusOk());

        assertThat(six).as("1 station: %s%n6 stations: %s", one, six).hasSameSizeAs(one);
        MvcTestResult mine = mvc.get().uri("/api/v1/redemptions/mine").header("Authorization", me.bearer()).exchange();
        assertThat(Http.<List<String>>read(mine, "$.data.items[*].station.name")).containsExactly("兑换点4", "兑换点3",
                "兑换点2", "兑换点1", "兑换点0", "兑换驿站");
    }

    @Nested
    class HandOver {

        @Test
        void staffOfTheStationHandOverOnceAndItIsAudited() {
            long reward = reward(10, 5, null);
            SignedIn me = residentWith(10);
            MvcTestResult made = redeem(me, reward);
            String code = Http.read(made, "$.data.code");

            assertThat(handOver(staff, code.toLowerCase())).hasStatusOk().bodyJson().extractingPath("$.data.status")
                    .isEqualTo("REDEEMED");
            assertThat(handOver(staff, "doorstep:redemption:" + code)).hasStatus(HttpStatus.CONFLICT).bodyJson()
                    .extractingPath("$.data.status").isEqualTo("REDEEMED");
            assertThat(cancel(me, idOf(made))).hasStatus(HttpStatus.CONFLICT).bodyJson()
                    .extractingPath("$.data.status").isEqualTo("REDEEMED");

            assertThat(status(idOf(made))).isEqualTo("REDEEMED");
            assertThat(audit.of("redemption", idOf(made))).extracting(AuditLog.Entry::action).containsExactly("reward.redeem");
            assertThat(balance(me)).isZero();
        }

        @Test
        void staffOfAnotherStationAreForbiddenAndAnUnknownCodeIsNotFound() {
            long reward = reward(10, 5, null);
            String code = Http.read(redeem(residentWith(10), reward), "$.data.code");
            long otherStation = stations.at(community, 43.842, 126.552).create().id();
            SignedIn otherStaff = users.with(Role.STAFF, otherStation);

            assertThat(handOver(otherStaff, code)).hasStatus(HttpStatus.FORBIDDEN).bodyJson().extractingPath("$.code")
                    .isEqualTo(31008);
            assertThat(handOver(staff, "ZZZZZZZZZZ")).hasStatus(HttpStatus.NOT_FOUND);
            assertThat(handOver(residentWith(0), code)).as("not staff at all").hasStatus(HttpStatus.FORBIDDEN);
            assertThat(jdbc.queryForObject("select status from redemption where code = ?", String.class, code))
                    .isEqualTo("PENDING");
        }

        @Test
        void aRedemptionPastItsDeadlineIsExpiredNotHandedOver() {
            long reward = reward(10, 5, null);
            SignedIn me = residentWith(10);
            MvcTestResult made = redeem(me, reward);
            clock.set(NOW.plus(Duration.ofDays(7)));

            assertThat(handOver(staff, Http.read(made, "$.data.code"))).hasStatus(HttpStatus.CONFLICT).bodyJson()
                    .extractingPath("$.data.status").isEqualTo("EXPIRED");
            assertThat(status(idOf(made))).isEqualTo("PENDING");
        }
    }

    @Test
    void theConsistencyReportChecksTheStockAndCatchesADoubleRefund() {
        long reward = reward(10, 5, null);
        redeem(residentWith(10), reward);
        SignedIn platform = users.with(Role.PLATFORM);
        assertThat(get(users.with(Role.ADMIN, community), "/api/v1/admin/points/consistency"))
                .as("every community's books: not for one community's admin").hasStatus(403);

        assertThat(get(platform, "/api/v1/admin/points/consistency")).bodyJson()
                .extractingPath("$.data.checks[?(@.name=='reward.stock')].problems").asArray().containsExactly(List.of());

        jdbc.update("update reward set stock = stock + 1 where id = ?", reward); // as a second refund would
        try {
            assertThat(get(platform, "/api/v1/admin/points/consistency")).bodyJson()
                    .extractingPath("$.data.consistent").isEqualTo(false);
            assertThat(consistency.run().checks().stream().filter(c -> c.name().equals("reward.stock")).findFirst()
                    .orElseThrow().problems()).containsExactly("reward " + reward + ": stock 5, came in 5, live redemptions 1");
        } finally {
            jdbc.update("update reward set stock = stock - 1 where id = ?", reward);
        }
    }

    MvcTestResult create(SignedIn who, String json) {
        return mvc.post().uri("/api/v1/admin/rewards").header("Authorization", who.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    /** Refusals change nothing and are not kept (DESIGN §6): after a restock, the same key redeems. */
    @Test
    void aSoldOutRefusalIsNotKeptTheSameKeyRedeemsAfterARestock() {
        long reward = reward(10, 1, null);
        assertThat(redeem(residentWith(100), reward)).hasStatusOk();
        SignedIn me = residentWith(100);
        String key = key();

        assertThat(redeem(me, reward, 1, key)).hasStatus(409).bodyJson().extractingPath("$.code").isEqualTo(31003);
        assertThat(redis.hasKey("idem:" + me.id() + ":" + key)).as("sold out is answered before the key").isFalse();
        assertThat(restock(reward, 1, key())).hasStatusOk();

        MvcTestResult retried = redeem(me, reward, 1, key);
        assertThat(retried).hasStatusOk();
        assertThat(redeem(me, reward, 1, key)).as("now kept: the same redemption").hasStatusOk().bodyJson()
                .extractingPath("$.data.id").isEqualTo((int) idOf(retried));
        assertThat(redemptions(reward)).isEqualTo(2);
        assertThat(balance(me)).isEqualTo(90);
        assertThat(stockInMySql(reward)).isZero();
    }

    @Test
    void aPointsRefusalIsNotKeptEither() {
        long reward = reward(50, 5, null);
        SignedIn me = residentWith(40);
        String key = key();

        assertThat(redeem(me, reward, 1, key)).hasStatus(409).bodyJson().extractingPath("$.code").isEqualTo(30001);
        earn(me, 10);

        assertThat(redeem(me, reward, 1, key)).hasStatusOk();
        assertThat(balance(me)).isZero();
        assertThat(stockInMySql(reward)).isEqualTo(4);
    }

    MvcTestResult restock(long reward, int quantity, String key) {
        return mvc.post().uri("/api/v1/admin/rewards/" + reward + "/restock").header("Authorization", admin.bearer())
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                .content("{\"quantity\":" + quantity + "}").exchange();
    }

    MvcTestResult put(SignedIn who, String uri, String json) {
        return mvc.put().uri(uri).header("Authorization", who.bearer()).contentType(MediaType.APPLICATION_JSON)
                .content(json).exchange();
    }

    MvcTestResult post(SignedIn who, String uri) {
        return mvc.post().uri(uri).header("Authorization", who.bearer()).exchange();
    }

    MvcTestResult get(SignedIn who, String uri) {
        return mvc.get().uri(uri).header("Authorization", who.bearer()).exchange();
    }
}
