package cn.doorstep.booking;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.RedisCommands;
import cn.doorstep.support.SqlStatements;
import cn.doorstep.support.TestUsers.SignedIn;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A full slot is refused cheaply (issue 15 §9): the session with its roles and the seat gate, two Redis
 * round trips, and nothing from MySQL; the Idempotency-Key is neither claimed nor kept.
 */
@IntegrationTest
class RefusalCostTest extends BookingTestSupport {

    @Autowired
    SqlStatements sql;
    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void setUp() {
        setUpStation();
    }

    @Test
    void aFullSlotIsRefusedWithTwoRedisCallsAndNoMySql() {
        long slot = slot(service(1), TOMORROW, 0);
        assertThat(book(users.resident(), slot)).hasStatusOk();
        SignedIn late = users.resident();
        assertThat(book(late, slot)).hasStatus(409); // warm: the session cached, the gate's scripts loaded
        String key = key();

        long[] redisCalls = {0};
        List<String> statements = sql.during(() -> redisCalls[0] = new RedisCommands(meters).during(() ->
                assertThat(book(late, "{\"slotId\":" + slot + "}", key)).hasStatus(409).bodyJson()
                        .extractingPath("$.code").isEqualTo(50005)));

        assertThat(statements).as("MySQL statements").isEmpty();
        assertThat(redisCalls[0]).as("Redis round trips").isEqualTo(2);
        assertThat(redis.hasKey("idem:" + late.id() + ":" + key)).isFalse();
    }
}
