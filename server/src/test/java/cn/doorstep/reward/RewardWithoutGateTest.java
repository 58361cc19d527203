package cn.doorstep.reward;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.Parallel;
import cn.doorstep.support.TestUsers.SignedIn;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Redeeming with MySQL's guards alone ({@code doorstep.reward.gate=false}, the benchmark's baseline):
 * the stock guard is the transaction's last statement, so whatever it refuses rolls the limit, the
 * redemption row and the points spend back. Reads back MySQL; Redis holds no count at all.
 */
@IntegrationTest
@TestPropertySource(properties = "doorstep.reward.gate=false")
class RewardWithoutGateTest extends RewardTestSupport {

    @Autowired
    RewardProperties properties;

    @Test
    void aHundredUsersRedeemingAStockOfTenGetExactlyTenAndTheLosersKeepEverything() {
        assertThat(properties.gate()).isFalse();
        long reward = reward(10, 10, null);
        List<SignedIn> people = new ArrayList<>();
        for (int i = 0; i < 100; i++) { // one after another: see RewardRaceTest.residentsWith
            people.add(residentWith(10));
        }

        List<MvcTestResult> replies = Parallel.run(100, 16, i -> redeem(people.get(i), reward));

        List<Integer> statuses = replies.stream().map(r -> r.getResponse().getStatus()).toList();
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(10);
        assertThat(replies.stream().filter(r -> r.getResponse().getStatus() != 200).map(r -> (Integer) Http.read(r, "$.code")))
                .containsOnly(31003);
        assertThat(redemptions(reward)).isEqualTo(10);
        assertThat(stockInMySql(reward)).isZero();
        assertThat(stockInRedis(reward)).as("no gate, no count").isNull();
        assertThat(jdbc.queryForObject("select coalesce(sum(units), 0) from reward_holder where reward_id = ?",
                Integer.class, reward)).as("the losers' limits rolled back").isEqualTo(10);
        for (int i = 0; i < 100; i++) {
            boolean won = statuses.get(i) == 200;
            assertThat(balance(people.get(i))).as("winners paid, losers kept theirs").isEqualTo(won ? 0 : 10);
            assertThat(ledgerEntries(people.get(i), "REDEEM")).isEqualTo(won ? 1 : 0);
        }
    }

    @Test
    void aSoldOutRewardIsRefusedBeforeAnythingIsWritten() {
        long reward = reward(10, 1, null);
        assertThat(redeem(residentWith(10), reward)).hasStatusOk();
        SignedIn late = residentWith(10);

        assertThat(redeem(late, reward)).hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.code")
                .isEqualTo(31003);

        assertThat(stockInMySql(reward)).isZero();
        assertThat(redemptions(reward)).isEqualTo(1);
        assertThat(balance(late)).isEqualTo(10);
        assertThat(jdbc.queryForObject("select count(*) from reward_holder where reward_id = ? and user_id = ?",
                Integer.class, reward, late.id())).as("refused by the stock read, before the holder row").isZero();
    }

    @Test
    void refusalsByTheLimitOrThePointsLeaveTheStockAlone() {
        long reward = reward(10, 5, 1);
        SignedIn me = residentWith(50);
        SignedIn poor = residentWith(0);
        assertThat(redeem(me, reward)).hasStatusOk();

        assertThat(redeem(me, reward)).hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.code")
                .isEqualTo(31005);
        assertThat(redeem(poor, reward)).hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.code")
                .isEqualTo(30001);

        assertThat(stockInMySql(reward)).isEqualTo(4);
        assertThat(redemptions(reward)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select units from reward_holder where reward_id = ? and user_id = ?",
                Integer.class, reward, me.id())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select coalesce(sum(units), 0) from reward_holder where reward_id = ? "
                + "and user_id = ?", Integer.class, reward, poor.id())).as("the points refusal rolled the limit back")
                .isZero();
        assertThat(balance(me)).isEqualTo(40);
        assertThat(balance(poor)).isZero();
    }

    @Test
    void refusalsDoNotWaitForTheRewardsRowLock() throws Exception {
        long soldOut = reward(10, 1, null);
        assertThat(redeem(residentWith(10), soldOut)).hasStatusOk();
        long limited = reward(10, 5, 1);
        SignedIn me = residentWith(50);
        assertThat(redeem(me, limited)).hasStatusOk();
        SignedIn late = residentWith(10);
        SignedIn poor = residentWith(0);

        List<Integer> codes;
        try (Connection other = jdbc.getDataSource().getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("select stock from reward where id in (?, ?) for update")) {
                lock.setLong(1, soldOut);
                lock.setLong(2, limited);
                lock.executeQuery().close();
                // refused by the stock read, the limit and the balance: none of them reaches the stock guard
                codes = CompletableFuture.supplyAsync(() -> Stream.of(redeem(late, soldOut), redeem(me, limited),
                        redeem(poor, limited)).map(r -> (Integer) Http.read(r, "$.code")).toList())
                        .get(20, TimeUnit.SECONDS);
            } finally {
                other.rollback();
            }
        }

        assertThat(codes).containsExactly(31003, 31005, 30001);
        assertThat(stockInMySql(soldOut)).isZero();
        assertThat(stockInMySql(limited)).isEqualTo(4);
        assertThat(redemptions(soldOut) + redemptions(limited)).isEqualTo(2);
        assertThat(balance(late)).isEqualTo(10);
        assertThat(balance(me)).isEqualTo(40);
    }
}
