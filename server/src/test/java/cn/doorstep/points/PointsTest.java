package cn.doorstep.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.doorstep.common.ApiException;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.Role;
import cn.doorstep.common.RoleGrant;
import cn.doorstep.common.Transactions;
import cn.doorstep.media.MediaService;
import cn.doorstep.rider.RiderCheckedIn;
import cn.doorstep.support.Http;
import cn.doorstep.support.Inboxes;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.MutableClock;
import cn.doorstep.support.Parallel;
import cn.doorstep.support.TestImages;
import cn.doorstep.support.TestPlaces;
import cn.doorstep.support.TestRegions;
import cn.doorstep.support.TestStations;
import cn.doorstep.support.TestUsers;
import cn.doorstep.support.TestUsers.SignedIn;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Earning, spending, expiring and correcting points: the ledger, the balance and the lots agree. */
@IntegrationTest
class PointsTest {

    static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    @Autowired
    MockMvcTester mvc;
    @Autowired
    PointsService points;
    @Autowired
    RiderCheckinPoints checkinPoints;
    @Autowired
    PointsExpiry expiry;
    @Autowired
    ConsistencyReport consistency;
    @Autowired
    TestUsers users;
    @Autowired
    TestRegions regions;
    @Autowired
    TestStations stations;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Transactions lockingTransactions;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    MutableClock clock;
    @Autowired
    MediaService media;
    @Autowired
    PointsAdministration administration;

    long community;
    SignedIn volunteer;

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-12-01T04:00:00Z"));
        community = regions.community();
        volunteer = users.resident();
        // service earns 10 a hour here without caps, so a test can earn any round amount in one award
        jdbc.update("insert into points_rule (community_id, kind, points_per_unit, updated_by, updated_at) "
                + "values (?, 'VOLUNTEER_SERVICE', 10, 0, utc_timestamp(3))", community);
    }

    @AfterEach
    void booksBalanceAndClockResets() {
        assertThat(consistency.run().consistent()).as("consistency report").isTrue();
        clock.set(Instant.now());
    }

    @Nested
    class Earning {

        @Test
        void aRiderCheckInEarnsThroughTheEventRegistryAndARedeliveryChangesNothing() {
            var event = new RiderCheckedIn(777_000 + volunteer.id(), volunteer.id(), 1, community, DAY);
            transaction.executeWithoutResult(tx -> events.publishEvent(event));

            await().atMost(Duration.ofSeconds(10)).until(() -> balance(volunteer) == 5);
            checkinPoints.on(event); // delivered again, as after a crash before completion

            assertThat(balance(volunteer)).isEqualTo(5);
            assertThat(entries(volunteer, "RIDER_CHECKIN")).isEqualTo(1);
            assertThat(Inboxes.of(mvc, volunteer, "POINTS_EARNED")).as("one notice, the redelivery adds none")
                    .singleElement().satisfies(notice -> assertThat(notice.get("body")).isEqualTo("驿站打卡，获得 5 积分。"));
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                    "select count(*) from EVENT_PUBLICATION_ARCHIVE where SERIALIZED_EVENT like ? and COMPLETION_DATE is not null"
                    + " and LISTENER_ID like '%RiderCheckinPoints%'", // the statistics hear it too
                    Integer.class, "%\"checkinId\":" + event.checkinId() + "%") == 1);
        }

        @Test
        void theDailyCapHoldsWhenAwardsRace() {
            List<Long> granted = Parallel.run(10, 10, i -> points.award(Award.one(volunteer.id(), PointsReason.RIDER_CHECKIN,
                    "checkin", "race-" + i + "-" + volunteer.id(), community, DAY)).points());

            assertThat(granted.stream().mapToLong(Long::longValue).sum()).isEqualTo(20); // 5 a check-in, 20 a day
            assertThat(balance(volunteer)).isEqualTo(20);
            assertThat(points.award(Award.one(volunteer.id(), PointsReason.RIDER_CHECKIN, "checkin", "next-day",
                    community, DAY.plusDays(1))).points()).as("the next day counts afresh").isEqualTo(5);
        }

        @Test
        void aCommunitysOwnRuleReplacesTheDefault() {
            SignedIn admin = users.with(Role.ADMIN, community);
            assertThat(mvc.put().uri("/api/v1/admin/points/rules/RIDER_CHECKIN").header("Authorization", admin.bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"communityId\":" + community + ",\"pointsPerUnit\":7,\"dailyCap\":7}")).hasStatusOk();

            points.award(Award.one(volunteer.id(), PointsReason.RIDER_CHECKIN, "checkin", "r1", community, DAY));
            points.award(Award.one(volunteer.id(), PointsReason.RIDER_CHECKIN, "checkin", "r2", community, DAY));

            assertThat(balance(volunteer)).isEqualTo(7);
            assertThat(mvc.get().uri("/api/v1/admin/points/rules?communityId=" + community)
                    .header("Authorization", admin.bearer())).bodyJson()
                    .extractingPath("$.data[?(@.kind=='RIDER_CHECKIN')].pointsPerUnit").asArray().containsExactly(7);
        }

        @Test
        void theLedgerShowsEachEntryWithTheBalanceAfterItNewestFirst() {
            earn(volunteer, 20, "a");
            earn(volunteer, 20, "b");

            MvcTestResult ledger = mvc.get().uri("/api/v1/points/ledger").header("Authorization", volunteer.bearer()).exchange();
            assertThat(ledger).bodyJson().extractingPath("$.data.items[*].balanceAfter").asArray().containsExactly(40, 20);
            assertThat(mvc.get().uri("/api/v1/points/account").header("Authorization", volunteer.bearer()))
                    .bodyJson().extractingPath("$.data.earned").isEqualTo(40);
        }
    }

    @Nested
    class Spending {

        @Test
        void twentyParallelSpendsOfThirtyFromAHundredLeaveTenAndNeverLess() {
            earn(volunteer, 100, "hundred");

            List<Boolean> spent = Parallel.run(20, 20, i -> {
                try {
                    lockingTransactions.readCommitted(() -> points.spend(volunteer.id(), 30, "test", "s" + i, community, null));
                    return true;
                } catch (ApiException insufficient) {
                    return false;
                }
            });

            assertThat(spent.stream().filter(s -> s)).hasSize(3);
            assertThat(balance(volunteer)).isEqualTo(10);
            assertThat(jdbc.queryForObject("select min(balance_after) from points_ledger where user_id = ?", Long.class,
                    volunteer.id())).isGreaterThanOrEqualTo(0);
        }

        @Test
        void oneUsersOpenSpendDoesNotHoldUpAnotherUsersSpend() throws Exception {
            // the isolation redemptions spend in (no gap locks). Every spend used to lock the same lot, the
            // first to expire after now of anyone; now a spend's lot scan stops at the next user's first lot
            // (InnoDB locks the record that ends a range even in READ COMMITTED), so the other user here is
            // not the next one
            var transaction = new TransactionTemplate(transactions);
            transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
            SignedIn neighbour = users.resident();
            SignedIn other = users.resident();
            earn(volunteer, 30, "first");
            earn(neighbour, 30, "between");
            earn(other, 30, "second");
            var spent = new CountDownLatch(1);
            var finish = new CountDownLatch(1);
            ExecutorService holder = Executors.newSingleThreadExecutor();
            try {
                Future<?> open = holder.submit(() -> transaction.executeWithoutResult(tx -> {
                    points.spend(volunteer.id(), 10, "test", "held", community, null);
                    spent.countDown();
                    await(finish); // the transaction, and every lock it took, stays open meanwhile
                }));
                await(spent);

                Future<?> theOther = Executors.newSingleThreadExecutor().submit(() -> transaction.executeWithoutResult(
                        tx -> points.spend(other.id(), 10, "test", "not-held", community, null)));
                theOther.get(10, TimeUnit.SECONDS); // it used to wait for the first to commit

                finish.countDown();
                open.get(10, TimeUnit.SECONDS);
            } finally {
                finish.countDown();
                holder.shutdownNow();
            }
            assertThat(balance(volunteer)).isEqualTo(20);
            assertThat(balance(other)).isEqualTo(20);
        }

        private static void await(CountDownLatch latch) {
            try {
                assertThat(latch.await(20, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Test
        void aRefundHappensOnceHoweverOftenItIsAsked() {
            earn(volunteer, 50, "fifty");
            lockingTransactions.readCommitted(() -> points.spend(volunteer.id(), 30, "test", "r", community, null));

            Parallel.run(5, 5, i -> lockingTransactions.readCommitted(() -> points.refund(volunteer.id(), "test", "r", null)));

            assertThat(balance(volunteer)).isEqualTo(50);
            assertThat(entries(volunteer, "REDEEM_REFUND")).isEqualTo(1);
        }

        @Test
        void spendingTakesTheOldestPointsFirst() {
            earn(volunteer, 10, "old");                               // valid until 2027-12-02
            clock.set(Instant.parse("2027-06-01T04:00:00Z"));
            earn(volunteer, 10, "new");                               // valid until 2028-06-02
            lockingTransactions.readCommitted(() -> points.spend(volunteer.id(), 15, "test", "mix", community, null));

            clock.set(Instant.parse("2027-12-03T04:00:00Z"));        // the old lot has run out: nothing of it left

            assertThat(points.account(volunteer.id()).balance()).isEqualTo(5);
            assertThat(entries(volunteer, "EXPIRE")).isZero();
        }
    }

    @Nested
    class Expiry {

        @Test
        void pointsExpireAfterTwelveMonthsExactlyOnce() {
            earn(volunteer, 20, "old");
            clock.set(Instant.parse("2027-11-20T04:00:00Z"));
            assertThat(points.account(volunteer.id()).expiringSoon()).isEqualTo(20);

            clock.set(Instant.parse("2027-12-03T04:00:00Z"));
            expiry.expireDue();
            expiry.expireDue();

            AccountView account = points.account(volunteer.id());
            assertThat(account.balance()).isZero();
            assertThat(account.expired()).isEqualTo(20);
            assertThat(entries(volunteer, "EXPIRE")).isEqualTo(1);
        }

        @Test
        void expiredPointsCannotBeSpent() {
            earn(volunteer, 20, "old");
            clock.set(Instant.parse("2027-12-03T04:00:00Z"));

            assertThatThrownBy(() -> lockingTransactions.readCommitted(() ->
                    points.spend(volunteer.id(), 10, "test", "late", community, null)))
                    .isInstanceOf(ApiException.class).hasMessageContaining("10 points");
        }
    }

    @Nested
    class Adjustments {

        SignedIn admin;

        @BeforeEach
        void aMemberOfTheAdminsCommunity() {
            admin = users.with(Role.ADMIN, community);
            jdbc.update("update app_user set community_id = ? where id = ?", community, volunteer.id());
        }

        @Test
        void anAdminAddsPointsWithAReasonAuditedAndRetriesAreAnsweredNotRepeated() {
            String key = UUID.randomUUID().toString();
            MvcTestResult first = adjust(key, 50, "补录三月志愿服务");
            MvcTestResult again = adjust(key, 50, "补录三月志愿服务");

            assertThat(first).hasStatusOk().bodyJson().extractingPath("$.data.memo").isEqualTo("补录三月志愿服务");
            assertThat(Http.body(again)).isEqualTo(Http.body(first));
            assertThat(balance(volunteer)).isEqualTo(50);
            assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'points.adjust' and target_id = ?",
                    Integer.class, String.valueOf(volunteer.id()))).isEqualTo(1);
            assertThat(adjust(key, 60, "补录三月志愿服务")).as("the same key for another body")
                    .hasStatus(HttpStatus.UNPROCESSABLE_ENTITY).bodyJson().extractingPath("$.code").isEqualTo(10422);
        }

        @Test
        void aKeyOfSixtyFourCharactersTheLongestAllowedAdjustsOnce() {
            String key = "k".repeat(56) + UUID.randomUUID().toString().substring(0, 8);
            MvcTestResult first = adjust(key, 50, "补录");
            MvcTestResult again = adjust(key, 50, "补录");

            assertThat(first).hasStatusOk().bodyJson().extractingPath("$.data.refId").isEqualTo(admin.id() + ":" + key);
            assertThat(Http.body(again)).isEqualTo(Http.body(first));
            assertThat(balance(volunteer)).isEqualTo(50);
            assertThat(jdbc.queryForObject("select ref_id from points_ledger where user_id = ? and reason = 'ADJUSTMENT'",
                    String.class, volunteer.id())).isEqualTo(admin.id() + ":" + key);
        }

        @Test
        void theLongestReferenceAnAdjustmentBuildsFitsTheLedger() {
            // the largest operator id there can be, with the longest key: what ref_id must hold
            var biggest = new CurrentUser(Long.MAX_VALUE, Set.of(new RoleGrant(Role.ADMIN, community)));
            String key = "x".repeat(64);

            administration.adjust(biggest, volunteer.id(), 10, "补录", key);
            administration.adjust(biggest, volunteer.id(), 10, "补录", key);

            assertThat(balance(volunteer)).isEqualTo(10);
            assertThat(jdbc.queryForObject("select ref_id from points_ledger where user_id = ? and reason = 'ADJUSTMENT'",
                    String.class, volunteer.id())).isEqualTo(Long.MAX_VALUE + ":" + key);
        }

        @Test
        void anAdminCannotAdjustTheirOwnPoints() {
            jdbc.update("update app_user set community_id = ? where id = ?", community, admin.id());

            MvcTestResult refused = mvc.post().uri("/api/v1/admin/points/adjustments").header("Authorization", admin.bearer())
                    .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"userId\":" + admin.id() + ",\"delta\":500,\"reason\":\"自己加分\"}").exchange();

            assertThat(refused).hasStatus(HttpStatus.FORBIDDEN).bodyJson().extractingPath("$.code").isEqualTo(30008);
            assertThat(balance(admin)).isZero();
            assertThat(entries(admin, "ADJUSTMENT")).isZero();
        }

        @Test
        void aPlatformAdminCannotAdjustTheirOwnPointsEither() {
            SignedIn platform = users.with(Role.PLATFORM);
            jdbc.update("update app_user set community_id = ? where id = ?", community, platform.id());

            assertThat(mvc.post().uri("/api/v1/admin/points/adjustments").header("Authorization", platform.bearer())
                    .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"userId\":" + platform.id() + ",\"delta\":500,\"reason\":\"自己加分\"}"))
                    .hasStatus(HttpStatus.FORBIDDEN).bodyJson().extractingPath("$.code").isEqualTo(30008);
            assertThat(balance(platform)).isZero();
        }

        @Test
        void aDeductionCannotTakeTheBalanceBelowZero() {
            earn(volunteer, 20, "twenty");

            assertThat(adjust(UUID.randomUUID().toString(), -30, "重复录入")).hasStatus(HttpStatus.CONFLICT)
                    .bodyJson().extractingPath("$.code").isEqualTo(30004);
            assertThat(adjust(UUID.randomUUID().toString(), -20, "重复录入")).hasStatusOk();
            assertThat(balance(volunteer)).isZero();
        }

        @Test
        void anAdminOfAnotherCommunityCannotTouchTheMember() {
            SignedIn stranger = users.with(Role.ADMIN, regions.community());

            assertThat(mvc.post().uri("/api/v1/admin/points/adjustments").header("Authorization", stranger.bearer())
                    .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"userId\":" + volunteer.id() + ",\"delta\":10,\"reason\":\"x\"}"))
                    .hasStatus(HttpStatus.NOT_FOUND).bodyJson().extractingPath("$.code").isEqualTo(30003);
            assertThat(balance(volunteer)).isZero();
        }

        @Test
        void anAdjustmentNeedsAKeyAndAReason() {
            assertThat(mvc.post().uri("/api/v1/admin/points/adjustments").header("Authorization", admin.bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"userId\":" + volunteer.id() + ",\"delta\":10,\"reason\":\"x\"}"))
                    .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.data.errors[0].field")
                    .isEqualTo("Idempotency-Key");
            assertThat(adjust(UUID.randomUUID().toString(), 10, "\u3000")).hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyJson().extractingPath("$.data.errors[0].field").isEqualTo("reason");
        }

        MvcTestResult adjust(String key, long delta, String reason) {
            return mvc.post().uri("/api/v1/admin/points/adjustments").header("Authorization", admin.bearer())
                    .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"userId\":" + volunteer.id() + ",\"delta\":" + delta + ",\"reason\":\"" + reason + "\"}")
                    .exchange();
        }
    }

    @Nested
    class ServiceConfirmedByStaff {

        long station;
        SignedIn staff;
        String memberCode;

        @BeforeEach
        void aStationItsStaffAndAVolunteersCode() {
            var place = TestPlaces.next();
            station = stations.at(community, place.lat(), place.lng()).create().id();
            staff = users.with(Role.STAFF, station);
            memberCode = Http.read(mvc.get().uri("/api/v1/me").header("Authorization", volunteer.bearer()).exchange(),
                    "$.data.volunteer.memberCode");
        }

        @Test
        void staffScanTheMemberCodeAndTheHoursEarnPointsOnce() {
            String key = UUID.randomUUID().toString();
            assertThat(award(staff, key, "2.5")).hasStatusOk().bodyJson().extractingPath("$.data.points").isEqualTo(25);
            assertThat(award(staff, key, "2.5")).hasStatusOk().bodyJson().extractingPath("$.data.points").isEqualTo(25);

            assertThat(balance(volunteer)).isEqualTo(25);
            assertThat(entries(volunteer, "VOLUNTEER_SERVICE")).isEqualTo(1);
            assertThat(mvc.get().uri("/api/v1/me").header("Authorization", volunteer.bearer())).bodyJson()
                    .extractingPath("$.data.volunteer.serviceHours").isEqualTo(2.5);
            assertThat(Inboxes.of(mvc, volunteer, "POINTS_EARNED")).singleElement().satisfies(notice ->
                    assertThat(notice.get("body")).asString().startsWith("志愿服务：").endsWith("获得 25 积分。"));
        }

        @Test
        void aKeyOfSixtyFourCharactersAwardsOnce() {
            String key = "k".repeat(56) + UUID.randomUUID().toString().substring(0, 8);

            assertThat(award(staff, key, "1")).hasStatusOk().bodyJson().extractingPath("$.data.points").isEqualTo(10);
            assertThat(award(staff, key, "1")).hasStatusOk().bodyJson().extractingPath("$.data.points").isEqualTo(10);

            assertThat(balance(volunteer)).isEqualTo(10);
            assertThat(jdbc.queryForObject("select ref_id from points_ledger where user_id = ? and reason = 'VOLUNTEER_SERVICE'",
                    String.class, volunteer.id())).isEqualTo(staff.id() + ":" + key);
        }

        @Test
        void staffCannotAwardHoursToTheirOwnMemberCode() {
            memberCode = Http.read(mvc.get().uri("/api/v1/me").header("Authorization", staff.bearer()).exchange(),
                    "$.data.volunteer.memberCode");

            assertThat(award(staff, UUID.randomUUID().toString(), "8")).hasStatus(HttpStatus.FORBIDDEN)
                    .bodyJson().extractingPath("$.code").isEqualTo(30008);
            assertThat(balance(staff)).isZero();
            assertThat(entries(staff, "VOLUNTEER_SERVICE")).isZero();
        }

        @Test
        void staffOfAnotherStationCannotAward() {
            var place = TestPlaces.next();
            SignedIn elsewhere = users.with(Role.STAFF, stations.at(community, place.lat(), place.lng()).create().id());

            assertThat(award(elsewhere, UUID.randomUUID().toString(), "1")).hasStatus(HttpStatus.FORBIDDEN);
            assertThat(balance(volunteer)).isZero();
        }

        @Test
        void anUnknownMemberCodeIsNotFound() {
            memberCode = "NOSUCHCODE99";
            assertThat(award(staff, UUID.randomUUID().toString(), "1")).hasStatus(HttpStatus.NOT_FOUND)
                    .bodyJson().extractingPath("$.code").isEqualTo(30002);
            assertThat(jdbc.queryForObject("select count(*) from points_ledger where operator_id = ?", Integer.class,
                    staff.id())).isZero();
        }

        MvcTestResult award(SignedIn who, String key, String hours) {
            return mvc.post().uri("/api/v1/staff/points/awards").header("Authorization", who.bearer())
                    .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"memberCode\":\"" + memberCode + "\",\"stationId\":" + station
                            + ",\"activity\":\"暖新大集志愿服务\",\"hours\":" + hours + "}").exchange();
        }
    }

    @Nested
    class Standing {

        @Test
        void theLeaderboardRanksThisYearsEarningsAndSurvivesLosingRedis() {
            SignedIn second = users.resident();
            earn(volunteer, 30, "v");
            earn(second, 60, "s");

            assertThat(ranking()).containsExactly(second.id(), volunteer.id());
            redis.delete(redis.keys("points:rank:{" + community + ":*"));
            earn(volunteer, 50, "v2");
            assertThat(ranking()).containsExactly(volunteer.id(), second.id());
            assertThat(mvc.get().uri("/api/v1/points/leaderboard?communityId=" + community)
                    .header("Authorization", volunteer.bearer())).bodyJson().extractingPath("$.data.mine.rank").isEqualTo(1);
        }

        @Test
        void theLeaderboardShowsANicknameElseTheRegisteredNameMaskedAndTheAvatar() {
            SignedIn nicknamed = users.resident();
            SignedIn member = users.resident();
            SignedIn nameless = users.resident();
            String passed = media.store(nicknamed.id(), TestImages.png(6, 4)).url();
            jdbc.update("update media_image set check_status = 'PASSED' where path = ?",
                    passed.substring(passed.indexOf("/media/") + "/media/".length()));
            jdbc.update("update app_user set nickname = '热心肠', avatar_url = ? where id = ?", passed, nicknamed.id());
            // an avatar WeChat has not passed yet is its owner's and the admins' only: not on a public board
            String unchecked = media.store(nameless.id(), TestImages.png(6, 4)).url();
            jdbc.update("update app_user set avatar_url = ? where id = ?", unchecked, nameless.id());
            jdbc.update("update app_user set nickname = null where id in (?, ?)", member.id(), nameless.id());
            jdbc.update("insert into party_unit (name, created_at) values (?, utc_timestamp(3))", "测试单位" + member.id());
            Long unit = jdbc.queryForObject("select id from party_unit where name = ?", Long.class, "测试单位" + member.id());
            jdbc.update("insert into party_registration (user_id, community_id, unit_id, real_name, status, created_at, "
                    + "updated_at) values (?, ?, ?, '欧阳娜娜', 'CONFIRMED', utc_timestamp(3), utc_timestamp(3))",
                    member.id(), community, unit);
            earn(nicknamed, 30, "n");
            earn(member, 20, "m");
            earn(nameless, 10, "x");

            MvcTestResult board = mvc.get().uri("/api/v1/points/leaderboard?communityId=" + community)
                    .header("Authorization", member.bearer()).exchange();

            assertThat(board).hasStatusOk();
            assertThat(Http.<List<String>>read(board, "$.data.top[*].displayName"))
                    .containsExactly("热心肠", "欧***", null);
            assertThat(Http.<String>read(board, "$.data.top[0].avatarUrl")).isEqualTo(passed);
            assertThat(Http.<String>read(board, "$.data.top[1].avatarUrl")).isNull();
            assertThat(Http.<String>read(board, "$.data.top[2].avatarUrl")).as("not passed yet").isNull();
            assertThat(Http.<String>read(board, "$.data.mine.displayName")).isEqualTo("欧***");
            assertThat(Http.<Integer>read(board, "$.data.mine.rank")).isEqualTo(2);
            assertThat(Http.body(board)).doesNotContain("欧阳娜娜");
        }

        @Test
        void aLeaderboardOfACommunityThatDoesNotExistIs404AndMakesNoRedisKey() {
            long nowhere = 987_000_000L + volunteer.id();

            assertThat(mvc.get().uri("/api/v1/points/leaderboard?communityId=" + nowhere)
                    .header("Authorization", volunteer.bearer())).hasStatus(HttpStatus.NOT_FOUND)
                    .bodyJson().extractingPath("$.code").isEqualTo(13001);
            assertThat(redis.keys("points:rank:{" + nowhere + ":*")).isEmpty();
        }

        @Test
        void starsGrowWithPointsEarned() {
            earn(volunteer, 100, "a");
            earn(volunteer, 100, "b");
            earn(volunteer, 100, "c");

            assertThat(mvc.get().uri("/api/v1/me").header("Authorization", volunteer.bearer())).bodyJson()
                    .extractingPath("$.data.volunteer.stars").isEqualTo(3);
        }

        List<Long> ranking() {
            List<Number> ids = Http.read(mvc.get().uri("/api/v1/points/leaderboard?communityId=" + community)
                    .header("Authorization", volunteer.bearer()).exchange(), "$.data.top[*].userId");
            return ids.stream().map(Number::longValue).toList();
        }
    }

    /** Earns a round {@code amount} in one award of volunteer service (10 points an hour, uncapped here). */
    void earn(SignedIn who, long amount, String ref) {
        var award = new Award(who.id(), PointsReason.VOLUNTEER_SERVICE, "test", ref + "-" + who.id(),
                BigDecimal.valueOf(amount / 10), community, DAY, null, null);
        assertThat(points.award(award).points()).isEqualTo(amount);
    }

    long balance(SignedIn who) {
        Long balance = jdbc.queryForObject("select coalesce(max(balance), 0) from points_account where user_id = ?",
                Long.class, who.id());
        return balance == null ? 0 : balance;
    }

    int entries(SignedIn who, String reason) {
        return jdbc.queryForObject("select count(*) from points_ledger where user_id = ? and reason = ?", Integer.class,
                who.id(), reason);
    }
}
