package cn.doorstep.reward;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.Parallel;
import cn.doorstep.support.Sessions;
import cn.doorstep.support.TestUsers.SignedIn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The scarce things of rewards under parallel requests: stock, points, the per-user limit, and the
 * one way out of PENDING. Each test reads back MySQL and Redis; the consistency report runs after each.
 */
@IntegrationTest
class RewardRaceTest extends RewardTestSupport {

    @Autowired
    RedemptionExpiry expiry;

    @Test
    void aHundredUsersRedeemingAStockOfTenAtOnceGetExactlyTen() {
        long reward = reward(10, 10, null);
        List<SignedIn> people = residentsWith(100, 10);

        List<MvcTestResult> replies = Parallel.run(100, 16, i -> redeem(people.get(i), reward));

        List<Integer> statuses = replies.stream().map(r -> r.getResponse().getStatus()).toList();
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(10);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(90);
        assertThat(replies.stream().filter(r -> r.getResponse().getStatus() == 409).map(r -> (Integer) Http.read(r, "$.code")))
                .containsOnly(31003);
        assertThat(redemptions(reward)).isEqualTo(10);
        assertThat(stockInMySql(reward)).isZero();
        assertThat(stockInRedis(reward)).isEqualTo("0");
        for (int i = 0; i < 100; i++) {
            assertThat(balance(people.get(i))).as("winners paid, losers kept theirs").isEqualTo(statuses.get(i) == 200 ? 0 : 10);
        }
    }

    @Test
    void fourHundredUsersRedeemingAtOnceWithStockForAllAllSucceedTheirSpendsNeverDeadlocking() {
        long reward = reward(10, 400, null);
        List<SignedIn> people = residentsWith(400, 10);

        // no reward-row lock makes these spends take turns any more: two hundred points spends run side by side
        List<MvcTestResult> replies = Parallel.run(400, 64, i -> redeem(people.get(i), reward));

        assertThat(replies.stream().map(r -> r.getResponse().getStatus()).toList()).containsOnly(200);
        assertThat(redemptions(reward)).isEqualTo(400);
        assertThat(stockInMySql(reward)).isZero();
        assertThat(stockInRedis(reward)).isEqualTo("0");
        assertThat(people).allSatisfy(person -> assertThat(balance(person)).isZero());
    }

    @Test
    void twentyRedemptionsOfThirtyFromOneAccountOfAHundredLeaveTenAndNeverLess() {
        long reward = reward(30, 100, null);
        SignedIn me = residentWith(100);

        List<MvcTestResult> replies = Parallel.run(20, 20, i -> redeem(me, reward));

        List<Integer> statuses = replies.stream().map(r -> r.getResponse().getStatus()).toList();
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(3);
        assertThat(replies.stream().filter(r -> r.getResponse().getStatus() != 200).map(r -> (Integer) Http.read(r, "$.code")))
                .containsOnly(30001);
        assertThat(balance(me)).isEqualTo(10);
        assertThat(jdbc.queryForObject("select min(balance_after) from points_ledger where user_id = ?", Long.class, me.id()))
                .isGreaterThanOrEqualTo(0);
        assertThat(redemptions(reward)).isEqualTo(3);
        assertThat(stockInMySql(reward)).isEqualTo(97);
        assertThat(stockInRedis(reward)).as("refused reservations went back to the gate").isEqualTo("97");
    }

    @Test
    void aCancelRacingTheHandOverLetsExactlyOneWinAndRefundsAtMostOnce() {
        long reward = reward(10, 20, null);
        for (int round = 0; round < 10; round++) {
            SignedIn me = residentWith(10);
            MvcTestResult made = redeem(me, reward);
            long id = idOf(made);
            String code = Http.read(made, "$.data.code");

            List<Integer> statuses = Parallel.run(6, 6, i -> (i % 2 == 0 ? cancel(me, id) : handOver(staff, code))
                    .getResponse().getStatus());

            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(5);
            String status = status(id);
            assertThat(status).isIn("CANCELLED", "REDEEMED");
            assertThat(ledgerEntries(me, "REDEEM_REFUND")).isEqualTo(status.equals("CANCELLED") ? 1 : 0);
            assertThat(balance(me)).isEqualTo(status.equals("CANCELLED") ? 10 : 0);
        }
        assertThat(stockInMySql(reward)).isEqualTo(20 - liveUnits(reward));
        assertThat(stockInRedis(reward)).isEqualTo(String.valueOf(20 - liveUnits(reward)));
    }

    @Test
    void redisFlushedInTheMiddleOfABurstNeverOversells() {
        long reward = reward(10, 30, null);
        List<SignedIn> people = residentsWith(120, 10);
        var sessions = new HashMap<String, String>();
        people.forEach(p -> sessions.put(Sessions.key(p.token()), redis.opsForValue().get(Sessions.key(p.token()))));

        List<Integer> statuses = Parallel.run(123, 16, i -> {
            if (i % 41 == 40) { // three flushes spread through the burst
                flushKeeping(sessions);
                return 0;
            }
            return redeem(people.get(i - i / 41), reward).getResponse().getStatus();
        });

        long won = statuses.stream().filter(s -> s == 200).count();
        assertThat(stockInMySql(reward)).isGreaterThanOrEqualTo(0);
        assertThat(redemptions(reward)).isEqualTo((int) won).isEqualTo(30 - stockInMySql(reward));
        // whatever the burst left over sells exactly once more, then the gate says sold out again
        int more = 0;
        while (true) {
            MvcTestResult reply = redeem(residentWith(10), reward);
            if (reply.getResponse().getStatus() != 200) {
                assertThat(reply).hasStatus(409).bodyJson().extractingPath("$.code").isEqualTo(31003);
                break;
            }
            more++;
        }
        assertThat(redeem(residentWith(10), reward)).as("the gate, reloaded from MySQL, says sold out").hasStatus(409);
        assertThat(won + more).isEqualTo(30);
        assertThat(redemptions(reward)).isEqualTo(30);
        assertThat(stockInMySql(reward)).isZero();
        assertThat(stockInRedis(reward)).isEqualTo("0");
    }

    /** FLUSHDB, then the burst's sessions back (a lost session is another test's subject). */
    void flushKeeping(Map<String, String> sessions) {
        redis.getConnectionFactory().getConnection().serverCommands().flushDb();
        sessions.forEach((k, v) -> redis.opsForValue().set(k, v, Duration.ofHours(1)));
    }

    @Test
    void aUserFiringTenRedemptionsAtALimitOfTwoGetsTwo() {
        long reward = reward(10, 100, 2);
        SignedIn me = residentWith(1000);

        List<MvcTestResult> replies = Parallel.run(10, 10, i -> redeem(me, reward));

        assertThat(replies.stream().map(r -> r.getResponse().getStatus())).filteredOn(s -> s == 200).hasSize(2);
        assertThat(replies.stream().filter(r -> r.getResponse().getStatus() != 200).map(r -> (Integer) Http.read(r, "$.code")))
                .containsOnly(31005);
        assertThat(redemptions(reward)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select units from reward_holder where reward_id = ? and user_id = ?",
                Integer.class, reward, me.id())).isEqualTo(2);
        assertThat(balance(me)).isEqualTo(980);
        assertThat(stockInRedis(reward)).isEqualTo("98");

        long first = replies.stream().filter(r -> r.getResponse().getStatus() == 200).map(RewardTestSupport::idOf)
                .findFirst().orElseThrow();
        assertThat(cancel(me, first)).hasStatusOk();
        assertThat(redeem(me, reward)).as("a cancelled redemption frees its place").hasStatusOk();
        assertThat(redeem(me, reward, 1, key())).hasStatus(409).bodyJson().extractingPath("$.data.limit").isEqualTo(2);
    }

    @Test
    void twoExpiryRunsAtOnceRefundEachRedemptionExactlyOnce() {
        long reward = reward(20, 10, null);
        List<SignedIn> people = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            SignedIn me = residentWith(20);
            people.add(me);
            ids.add(idOf(redeem(me, reward)));
        }
        clock.set(NOW.plus(Duration.ofDays(7)).plusSeconds(1));

        List<Integer> expired = Parallel.run(4, 4, i -> expiry.expireDue());

        // other tests' redemptions, made at the same pinned time, may fall due with these: at least six
        assertThat(expired.stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(6);
        for (int i = 0; i < 6; i++) {
            assertThat(status(ids.get(i))).isEqualTo("EXPIRED");
            assertThat(ledgerEntries(people.get(i), "REDEEM_REFUND")).isEqualTo(1);
            assertThat(balance(people.get(i))).isEqualTo(20);
        }
        assertThat(stockInMySql(reward)).isEqualTo(10);
        assertThat(stockInRedis(reward)).isEqualTo("10");
        assertThat(expiry.expireDue()).as("nothing left to expire").isZero();
    }

    @Test
    void theSameKeyRepliesTheFirstRedemptionEvenRacingAndAnotherBodyIs422() {
        long reward = reward(10, 10, null);
        SignedIn me = residentWith(50);
        String key = key();

        List<MvcTestResult> replies = Parallel.run(8, 8, i -> redeem(me, reward, 1, key));

        MvcTestResult again = redeem(me, reward, 1, key);
        assertThat(again).hasStatusOk();
        assertThat(replies.stream().map(r -> r.getResponse().getStatus())).allMatch(s -> s == 200 || s == 409)
                .contains(200);
        assertThat(replies.stream().filter(r -> r.getResponse().getStatus() == 200).map(RewardTestSupport::idOf))
                .containsOnly(idOf(again));
        assertThat(redemptions(reward)).isEqualTo(1);
        assertThat(balance(me)).isEqualTo(40);
        assertThat(redeem(me, reward, 2, key)).hasStatus(422).bodyJson().extractingPath("$.code").isEqualTo(10422);

        // Redis forgot the key: MySQL's unique (user, key) still answers the first redemption
        redis.delete("idem:" + me.id() + ":" + key);
        assertThat(Http.<Integer>read(redeem(me, reward, 1, key), "$.data.id").longValue()).isEqualTo(idOf(again));
        redis.delete("idem:" + me.id() + ":" + key);
        assertThat(redeem(me, reward, 3, key)).hasStatus(422);
        assertThat(redemptions(reward)).isEqualTo(1);
        assertThat(balance(me)).isEqualTo(40);
        assertThat(stockInMySql(reward)).isEqualTo(9);
        assertThat(stockInRedis(reward)).isEqualTo("9");
    }
}
