package cn.doorstep.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;

import cn.doorstep.booking.gate.SeatGate;
import cn.doorstep.booking.gate.SeatGateReconciler;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.TestUsers.SignedIn;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The seat gate drifts (a give-back lost to a Redis outage, a phantom holder) and is brought back in
 * line with MySQL; a Redis failure after a committed cancel never turns it into an error reply.
 */
@IntegrationTest
class SeatGateDriftTest extends BookingTestSupport {

    @MockitoSpyBean
    SeatGate spiedGate;
    @Autowired
    SeatGateReconciler reconciler;
    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void setUp() {
        setUpStation();
    }

    @Test
    void aPhantomHolderMakingTheGateFullWhileMySqlHasASeatIsCorrectedAndNothingIsOverbooked() {
        long slot = slot(service(2), TOMORROW, 0);
        assertThat(book(users.resident(), slot)).hasStatusOk();
        redis.opsForSet().add(SeatGate.holdersKey(slot), "987654321");
        SignedIn next = users.resident();

        assertThat(book(next, slot)).hasStatus(409).bodyJson().extractingPath("$.code").isEqualTo(50005);

        assertThat(reconciler.reconcile()).as("corrected, ours among them").isPositive();
        assertThat(book(next, slot)).hasStatusOk();
        assertThat(book(users.resident(), slot)).hasStatus(409);
        assertThat(booked(slot)).isEqualTo(2);
        assertThat(activeBookings(slot)).isEqualTo(2);
        assertThat(gate.seatsLeft(slot)).contains(0);
    }

    @Test
    void aRedisFailureAfterACommittedCancelAnswers200AndTheGateIsCorrected() {
        long slot = slot(service(1), TOMORROW, 0);
        SignedIn me = users.resident();
        long booking = id(book(me, slot));
        double failures = meters.counter("doorstep.failures", "source", "booking.gate").count();
        doThrow(new RedisConnectionFailureException("Redis went away")).when(spiedGate).adjust(anyLong(), any(), any());

        MvcTestResult cancelled = cancel(me, booking);

        assertThat(cancelled).hasStatusOk().bodyJson().extractingPath("$.data.status").isEqualTo("CANCELLED");
        assertThat(jdbc.queryForObject("select status from booking where id = ?", String.class, booking))
                .isEqualTo("CANCELLED");
        assertThat(seatsLeftInMySql(slot)).isEqualTo(1);
        assertThat(gate.seatsLeft(slot)).as("the give-back was lost").contains(0);
        assertThat(meters.counter("doorstep.failures", "source", "booking.gate").count()).isEqualTo(failures + 1);

        reset(spiedGate);
        assertThat(reconciler.reconcile()).as("corrected, ours among them").isPositive();
        assertThat(book(users.resident(), slot)).hasStatusOk();
        assertThat(booked(slot)).isEqualTo(1);
    }
}
