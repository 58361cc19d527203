package cn.doorstep.reward;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.RedisCommands;
import cn.doorstep.support.SqlStatements;
import cn.doorstep.support.TestUsers.SignedIn;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A sold-out reward is refused cheaply (issue 15 §9): the session with its roles and the stock gate, two
 * Redis round trips, and nothing from MySQL; the Idempotency-Key is neither claimed nor kept.
 */
@IntegrationTest
class RefusalCostTest extends RewardTestSupport {

    @Autowired
    SqlStatements sql;
    @Autowired
    MeterRegistry meters;

    @Test
    void aSoldOutRewardIsRefusedWithTwoRedisCallsAndNoMySql() {
        long reward = reward(10, 1, null);
        assertThat(redeem(residentWith(100), reward)).hasStatusOk();
        SignedIn late = residentWith(100);
        assertThat(redeem(late, reward)).hasStatus(409); // warm: the session cached, the gate's scripts loaded
        String key = key();

        long[] redisCalls = {0};
        List<String> statements = sql.during(() -> redisCalls[0] = new RedisCommands(meters).during(() ->
                assertThat(redeem(late, reward, 1, key)).hasStatus(409).bodyJson().extractingPath("$.code")
                        .isEqualTo(31003)));

        assertThat(statements).as("MySQL statements").isEmpty();
        assertThat(redisCalls[0]).as("Redis round trips").isEqualTo(2);
        assertThat(redis.hasKey("idem:" + late.id() + ":" + key)).isFalse();
        assertThat(balance(late)).isEqualTo(100);
    }
}
