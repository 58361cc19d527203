package cn.doorstep.booking;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.booking.gate.SeatGate;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.Parallel;
import cn.doorstep.support.TestUsers.SignedIn;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Booking with MySQL's guards alone ({@code doorstep.booking.gate-enabled=false}, the benchmark's
 * baseline): every request reaches the slot's guarded UPDATE ({@code booked + held < capacity}), so
 * it alone keeps the seats. Every reply is checked: without the guard the table's CHECK constraint
 * would still keep the count right, but by answering 500. Users, slots and member rows are brand new,
 * as in production's first bookings, where InnoDB's gap locks would deadlock if any were taken.
 */
@IntegrationTest
@TestPropertySource(properties = "doorstep.booking.gate-enabled=false")
class BookingWithoutGateTest extends BookingTestSupport {

    @Autowired
    BookingProperties properties;

    @BeforeEach
    void setUp() {
        setUpStation();
    }

    @Test
    void aHundredNewUsersRacingForTenSeatsGetExactlyTenAndEveryOtherReplyIsFull() {
        assertThat(properties.gateEnabled()).isFalse();
        long slot = slot(service(10), TOMORROW, 0);
        List<SignedIn> residents = Parallel.run(100, 8, i -> users.resident());

        List<MvcTestResult> replies = Parallel.run(100, 32, i -> book(residents.get(i), slot));

        assertThat(replies).extracting(BookingTestSupport::outcome).as("every reply is a booking or FULL")
                .isSubsetOf(BOOKED_OR_FULL);
        assertThat(replies).filteredOn(r -> r.getResponse().getStatus() == 200).hasSize(10);
        assertThat(activeBookings(slot)).isEqualTo(10);
        assertThat(booked(slot)).isEqualTo(10);
        assertThat(seatsLeftInMySql(slot)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from booking where slot_id = ?", Integer.class, slot))
                .as("the losers' inserts rolled back").isEqualTo(10);
        for (int i = 0; i < 100; i++) {
            boolean won = replies.get(i).getResponse().getStatus() == 200;
            assertThat(jdbc.queryForObject("select count(*) from booking where slot_id = ? and user_id = ?",
                    Integer.class, slot, residents.get(i).id())).isEqualTo(won ? 1 : 0);
        }
        assertThat(redis.hasKey(SeatGate.seatsKey(slot))).as("no gate, no count").isFalse();
    }

    @Test
    void aSeatHeldForTheFirstInLineIsNotBookedByNewUsersRacingForIt() {
        long slot = slot(service(1), TOMORROW, 1);
        SignedIn first = users.resident();
        long booking = id(book(first, slot));
        SignedIn waiting = users.resident();
        long entry = id(joinWaitlist(waiting, slot));
        assertThat(cancel(first, booking)).hasStatusOk();
        assertThat(jdbc.queryForObject("select held from booking_slot where id = ?", Integer.class, slot)).isEqualTo(1);
        List<SignedIn> others = Parallel.run(20, 8, i -> users.resident());

        List<MvcTestResult> replies = Parallel.run(20, 20, i -> book(others.get(i), slot));

        assertThat(replies).extracting(BookingTestSupport::outcome).as("the held seat is not free")
                .containsOnly("409 50005");
        assertThat(booked(slot)).isZero();
        assertThat(jdbc.queryForObject("select held from booking_slot where id = ?", Integer.class, slot)).isEqualTo(1);
        assertThat(activeBookings(slot)).isZero();

        assertThat(mvc.post().uri("/api/v1/waitlist/" + entry + "/accept").header("Authorization", waiting.bearer()))
                .hasStatusOk();
        assertThat(booked(slot)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select held from booking_slot where id = ?", Integer.class, slot)).isZero();
        assertThat(jdbc.queryForObject("select status from booking_waitlist where user_id = ?", String.class,
                waiting.id())).isEqualTo("ACCEPTED");
    }
}
