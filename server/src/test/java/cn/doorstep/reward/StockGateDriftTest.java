package cn.doorstep.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doThrow;

import cn.doorstep.reward.internal.StockGate;
import cn.doorstep.reward.internal.StockGateReconciler;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.Parallel;
import cn.doorstep.support.TestUsers.SignedIn;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The stock gate drifts (a give-back lost to a Redis outage, a count set by hand) and is brought back
 * in line with MySQL; a Redis failure after a committed cancel never turns it into an error reply.
 */
@IntegrationTest
class StockGateDriftTest extends RewardTestSupport {

    @MockitoSpyBean
    StockGate gate;
    @Autowired
    StockGateReconciler reconciler;
    @Autowired
    MeterRegistry meters;

    @Test
    void aGateSayingSoldOutWhileMySqlHasStockIsCorrectedAndRedemptionsSucceedAgain() {
        long reward = reward(10, 5, null);
        assertThat(redeem(residentWith(100), reward)).hasStatusOk(); // loads the gate: 4 left
        redis.opsForValue().set(StockGate.key(reward), "0");

        SignedIn next = residentWith(100);
        assertThat(redeem(next, reward)).hasStatus(409).bodyJson().extractingPath("$.code").isEqualTo(31003);

        assertThat(reconciler.reconcile()).as("corrected, ours among them").isPositive();
        assertThat(redeem(next, reward)).hasStatusOk();
        assertThat(stockInMySql(reward)).isEqualTo(3);
        assertThat(stockInRedis(reward)).isEqualTo("3");
    }

    @Test
    void aGateCountingMoreThanMySqlHasNeverOversells() {
        long reward = reward(10, 3, null);
        assertThat(redeem(residentWith(100), reward)).hasStatusOk(); // 2 left
        redis.opsForValue().set(StockGate.key(reward), "100");
        List<SignedIn> people = residentsWith(20, 100);

        List<Integer> statuses = Parallel.run(20, 20, i -> redeem(people.get(i), reward).getResponse().getStatus());

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(2);
        assertThat(statuses).filteredOn(s -> s != 200).containsOnly(409);
        assertThat(stockInMySql(reward)).isZero();
        assertThat(redemptions(reward)).isEqualTo(3);
        reconciler.reconcile();
        assertThat(stockInRedis(reward)).isIn(null, "0");
    }

    @Test
    void aRedisFailureAfterACommittedCancelAnswers200AndTheLostGiveBackIsCorrected() {
        long reward = reward(10, 5, null);
        SignedIn me = residentWith(100);
        long redemption = idOf(redeem(me, reward));
        double failures = failuresCounted();
        doThrow(new RedisConnectionFailureException("Redis went away")).when(gate).giveBack(anyLong(), anyInt());

        MvcTestResult cancelled = cancel(me, redemption);

        assertThat(cancelled).hasStatusOk().bodyJson().extractingPath("$.data.status").isEqualTo("CANCELLED");
        assertThat(status(redemption)).isEqualTo("CANCELLED");
        assertThat(balance(me)).isEqualTo(100);
        assertThat(stockInMySql(reward)).isEqualTo(5);
        assertThat(stockInRedis(reward)).as("the give-back was lost").isEqualTo("4");
        assertThat(failuresCounted()).isEqualTo(failures + 1);

        org.mockito.Mockito.reset(gate);
        assertThat(reconciler.reconcile()).as("corrected, ours among them").isPositive();
        assertThat(redeem(residentWith(100), reward)).hasStatusOk();
        assertThat(stockInRedis(reward)).isEqualTo("4");
        assertThat(stockInMySql(reward)).isEqualTo(4);
    }

    private double failuresCounted() {
        return meters.counter("doorstep.failures", "source", "reward.gate").count();
    }
}
