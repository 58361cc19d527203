package cn.doorstep.booking;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.booking.gate.SeatGate;
import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.Parallel;
import cn.doorstep.support.TestUsers.SignedIn;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Seats under parallel HTTP requests: never more bookings than seats, and Redis agrees with MySQL after. */
@IntegrationTest
class BookingRaceTest extends BookingTestSupport {

    @BeforeEach
    void setUp() {
        setUpStation();
    }

    @Test
    void twoHundredUsersRacingForTenSeatsLeaveExactlyTenBookings() {
        long slot = slot(service(10), TOMORROW, 0);
        List<SignedIn> residents = Parallel.run(200, 8, i -> users.resident());

        List<MvcTestResult> replies = Parallel.run(200, 32, i -> book(residents.get(i), slot));

        List<Integer> statuses = replies.stream().map(r -> r.getResponse().getStatus()).toList();
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(10);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(190);
        assertThat(replies.stream().filter(r -> r.getResponse().getStatus() == 409).map(BookingTestSupport::code))
                .containsOnly(50005);
        assertThat(activeBookings(slot)).isEqualTo(10);
        assertThat(booked(slot)).isEqualTo(10);
        assertThat(seatsLeftInMySql(slot)).isZero();
        assertThat(gate.seatsLeft(slot)).contains(0);
        assertThat(redis.opsForSet().size(SeatGate.holdersKey(slot))).isEqualTo(10);
    }

    @Test
    void oneUserFiringFiftyBookingsAtOnceHoldsExactlyOne() {
        long slot = slot(service(10), TOMORROW, 1);
        SignedIn resident = users.resident();

        List<MvcTestResult> replies = Parallel.run(50, 25, i -> book(resident, slot));

        assertThat(replies).filteredOn(r -> r.getResponse().getStatus() == 200).hasSize(1);
        assertThat(replies.stream().filter(r -> r.getResponse().getStatus() != 200).map(BookingTestSupport::code))
                .containsOnly(50006);
        assertThat(activeBookings(slot)).isEqualTo(1);
        assertThat(booked(slot)).isEqualTo(1);
        assertThat(gate.seatsLeft(slot)).contains(9);
        assertThat(seatsLeftInMySql(slot)).isEqualTo(9);
    }

    @Test
    void cancelsAndRebookingsRacingWhileRedisLosesTheGateNeverOverfillAndEndInAgreement() {
        long slot = slot(service(5), TOMORROW, 2);
        List<SignedIn> first = Parallel.run(5, 5, i -> users.resident());
        List<Long> firstBookings = first.stream().map(u -> id(book(u, slot))).toList();
        List<SignedIn> newcomers = Parallel.run(70, 8, i -> users.resident());
        AtomicInteger flushes = new AtomicInteger();

        // 5 cancellations, 60 bookings, and the gate's keys deleted again and again while they run
        List<Optional<MvcTestResult>> replies = Parallel.run(75, 32, i -> {
            if (i < 5) {
                return Optional.of(cancel(first.get(i), firstBookings.get(i)));
            }
            if (i % 7 == 0) {
                redis.delete(List.of(SeatGate.seatsKey(slot), SeatGate.holdersKey(slot)));
                flushes.incrementAndGet();
                return Optional.empty();
            }
            return Optional.of(book(newcomers.get(i - 5), slot));
        });

        assertThat(flushes.get()).isPositive();
        assertThat(replies.subList(0, 5)).allSatisfy(cancelled -> assertThat(cancelled.orElseThrow()).hasStatusOk());
        List<MvcTestResult> bookings = replies.subList(5, 75).stream().flatMap(Optional::stream).toList();
        // a 500 (say the slot's CHECK constraint refusing an overfill) must fail here, not pass as "not booked"
        assertThat(bookings).extracting(BookingTestSupport::outcome).as("every booking is made or refused as FULL")
                .isSubsetOf(BOOKED_OR_FULL);
        int made = (int) bookings.stream().filter(r -> r.getResponse().getStatus() == 200).count();
        assertThat(activeBookings(slot)).isLessThanOrEqualTo(5).isEqualTo(made);
        assertThat(booked(slot)).isEqualTo(activeBookings(slot));
        // a latecomer's request meets the gate (reloading it if the last delete left it missing)
        assertThat(outcome(book(users.resident(), slot))).isIn((Object[]) BOOKED_OR_FULL);
        assertThat(activeBookings(slot)).isLessThanOrEqualTo(5).isEqualTo(booked(slot));
        Optional<Integer> inRedis = gate.seatsLeft(slot);
        assertThat(inRedis).contains(seatsLeftInMySql(slot));
        assertThat(redis.opsForSet().members(SeatGate.holdersKey(slot))).containsExactlyInAnyOrderElementsOf(
                jdbc.queryForList("select user_id from booking where slot_id = ? and active_key = 1", String.class, slot));
    }

    @Test
    void twoCancellationsAtOnceOfferTheOneWaitlistedUserTheSeatExactlyOnce() {
        long slot = slot(service(2), TOMORROW, 3);
        SignedIn a = users.resident();
        SignedIn b = users.resident();
        long bookingA = id(book(a, slot));
        long bookingB = id(book(b, slot));
        SignedIn waiting = users.resident();
        assertThat(joinWaitlist(waiting, slot)).hasStatusOk().bodyJson().extractingPath("$.data.status")
                .isEqualTo("WAITING");

        List<Integer> statuses = Parallel.run(2, 2, i -> cancel(i == 0 ? a : b, i == 0 ? bookingA : bookingB)
                .getResponse().getStatus());

        assertThat(statuses).containsOnly(200);
        assertThat(jdbc.queryForObject("select count(*) from booking_waitlist where user_id = ? and status = 'OFFERED'",
                Integer.class, waiting.id())).isEqualTo(1);
        assertThat(notices(waiting, "WAITLIST_OFFER")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select held from booking_slot where id = ?", Integer.class, slot)).isEqualTo(1);
        assertThat(seatsLeftInMySql(slot)).isEqualTo(1);
        assertThat(gate.seatsLeft(slot)).contains(1);

        // the offered seat is theirs: booking it accepts the offer; the other free seat goes to anyone
        MvcTestResult accepted = book(waiting, slot);
        assertThat(accepted).hasStatusOk();
        assertThat(book(users.resident(), slot)).hasStatusOk();
        assertThat(book(users.resident(), slot)).hasStatus(409);
        assertThat(activeBookings(slot)).isEqualTo(2);
        assertThat(booked(slot)).isEqualTo(2);
        assertThat(seatsLeftInMySql(slot)).isZero();
        assertThat(gate.seatsLeft(slot)).contains(0);
        assertThat(jdbc.queryForObject("select status from booking_waitlist where user_id = ?", String.class, waiting.id()))
                .isEqualTo("ACCEPTED");
        assertThat(Http.<Integer>read(accepted, "$.data.slotId")).isEqualTo((int) slot);
    }
}
