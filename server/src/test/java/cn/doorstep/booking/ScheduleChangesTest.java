package cn.doorstep.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.doorstep.schedule.SlotCapacityChanged;
import cn.doorstep.schedule.SlotClosed;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.TestUsers.SignedIn;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.AopTestUtils;

/**
 * What booking does when the schedule tells it a slot closed or capacities changed: the events come
 * through the publication registry and may be delivered again, so handling one twice changes nothing.
 */
@IntegrationTest
class ScheduleChangesTest extends BookingTestSupport {

    /** The listener itself, not its asynchronous proxy: a call returns once it has handled the event. */
    ScheduleChanges changes;

    @Autowired
    void listener(ScheduleChanges proxy) {
        changes = AopTestUtils.getUltimateTargetObject(proxy);
    }

    @BeforeEach
    void setUp() {
        setUpStation();
    }

    @Test
    void aClosedSlotsBookingsAreCancelledItsWaitlistClosedAndARedeliveryChangesNothing() {
        long slot = slot(service(1), TOMORROW, 0);
        SignedIn holder = users.resident();
        SignedIn waiting = users.resident();
        long booking = id(book(holder, slot));
        assertThat(joinWaitlist(waiting, slot)).hasStatusOk();

        assertThat(mvc.post().uri("/api/v1/staff/slots/" + slot + "/close").header("Authorization", staff.bearer()))
                .hasStatusOk();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select status from booking where id = ?", String.class, booking)).isEqualTo("CANCELLED"));
        assertThat(jdbc.queryForObject("select status from booking_waitlist where user_id = ?", String.class,
                waiting.id())).isEqualTo("CLOSED");
        assertThat(jdbc.queryForObject("select cancelled_by from booking where id = ?", Long.class, booking))
                .as("cancelled by who closed the slot").isEqualTo(staff.id());

        changes.on(new SlotClosed(slot, station, "义务理发", NOW.plus(Duration.ofDays(1)), staff.id()));

        assertThat(notices(holder, "SLOT_CLOSED")).isEqualTo(1);
        assertThat(booked(slot)).isZero();
        assertThat(jdbc.queryForObject("select status from booking where id = ?", String.class, booking))
                .isEqualTo("CANCELLED");
        assertThat(gate.seatsLeft(slot)).as("the gate was forgotten, to reload as closed").isEmpty();
        assertThat(book(users.resident(), slot)).hasStatus(409).bodyJson().extractingPath("$.code").isEqualTo(50007);
    }

    @Test
    void newCapacitiesMakeTheGatesOfThoseSlotsReloadAndTwiceIsHarmless() {
        long service = service(3);
        long slot = slot(service, TOMORROW, 0);
        assertThat(book(users.resident(), slot)).hasStatusOk();
        assertThat(gate.seatsLeft(slot)).contains(2);
        jdbc.update("update booking_slot set capacity = 5, version = version + 1 where id = ?", slot);

        changes.on(new SlotCapacityChanged(service, List.of(slot)));
        changes.on(new SlotCapacityChanged(service, List.of(slot)));

        assertThat(gate.seatsLeft(slot)).isEmpty();
        assertThat(book(users.resident(), slot)).hasStatusOk();
        assertThat(gate.seatsLeft(slot)).as("reloaded with the new capacity").contains(3);
    }
}
