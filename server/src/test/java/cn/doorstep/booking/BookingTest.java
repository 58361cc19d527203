package cn.doorstep.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.doorstep.booking.gate.SeatGate;
import cn.doorstep.booking.staff.NoShows;
import cn.doorstep.booking.staff.Reminders;
import cn.doorstep.booking.waitlist.Waitlist;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.Role;
import cn.doorstep.common.RoleGrant;
import cn.doorstep.notify.NotificationKind;
import cn.doorstep.notify.Notifier;
import cn.doorstep.schedule.service.SlotGenerator;
import cn.doorstep.station.StationKind;
import cn.doorstep.station.hours.DayKind;
import cn.doorstep.station.hours.HolidayCalendar;
import cn.doorstep.station.hours.HolidayPolicy;
import cn.doorstep.support.Http;
import cn.doorstep.support.Inboxes;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.TestServers;
import cn.doorstep.support.TestStations;
import cn.doorstep.support.TestUsers.SignedIn;
import cn.doorstep.support.WeChatStubs;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Residents book, cancel, queue and are checked in; staff manage; the jobs keep time. */
@IntegrationTest
class BookingTest extends BookingTestSupport {

    @Autowired
    NoShows noShows;
    @Autowired
    Reminders reminders;
    @Autowired
    Waitlist waitlist;
    @Autowired
    SlotGenerator generator;
    @Autowired
    Notifier notifier;
    @Autowired
    HolidayCalendar calendar;

    SignedIn resident;

    @BeforeEach
    void setUp() {
        setUpStation();
        resident = users.resident();
    }

    @Test
    void aResidentBooksASlotAndGetsACodeTheirListAndTheSeatsShow() {
        long service = service(3);
        assertThat(mvc.get().uri("/api/v1/stations/" + station + "/services")).hasStatusOk().bodyJson()
                .extractingPath("$.data.items[0].name").isEqualTo("义务理发");
        MvcTestResult slots = mvc.get().uri("/api/v1/services/" + service + "/slots?date=" + TOMORROW).exchange();
        assertThat(Http.<List<?>>read(slots, "$.data")).hasSize(8); // 09:00-17:00 in hours
        assertThat(Http.<String>read(slots, "$.data[0].startsAt")).isEqualTo("2026-12-03T01:00:00Z");
        long slot = slot(service, TOMORROW, 0);

        MvcTestResult booked = book(resident, slot);

        assertThat(booked).hasStatusOk();
        String code = Http.read(booked, "$.data.code");
        assertThat(code).matches("[A-Z2-9]{10}");
        assertThat(Http.<String>read(booked, "$.data.qrPayload")).isEqualTo("doorstep:booking:" + code);
        assertThat(Http.<String>read(booked, "$.data.status")).isEqualTo("BOOKED");
        assertThat(mvc.get().uri("/api/v1/bookings/mine").header("Authorization", resident.bearer())).hasStatusOk()
                .bodyJson().extractingPath("$.data.items[0].code").isEqualTo(code);
        assertThat(mvc.get().uri("/api/v1/services/" + service + "/slots?date=" + TOMORROW)).bodyJson()
                .extractingPath("$.data[0].seatsLeft").isEqualTo(2);
        assertThat(jdbc.queryForObject("select status from booking where code = ?", String.class, code)).isEqualTo("BOOKED");
        assertThat(notices(resident, "BOOKING_CONFIRMED")).isEqualTo(1);
    }

    /**
     * The app's clock and Redis's need not agree (here they are 400 days apart, both ways): the gate's
     * keys live until a day after the slot by the app's clock, so the gate answers and then lets go.
     */
    @Test
    void theSeatGateLivesADayPastTheSlotByTheAppsClockWhateverTheDateOnRedis() {
        Instant redisNow = Instant.ofEpochMilli(redis.execute((RedisCallback<Long>)
                connection -> connection.serverCommands().time()));
        for (long daysApart : new long[] {-400, 400}) {
            LocalDate today = LocalDate.ofInstant(redisNow, ZoneOffset.UTC).plusDays(daysApart);
            clock.set(today.atStartOfDay(ZoneOffset.UTC).toInstant()); // 08:00 in China
            setUpStation(clock.instant());
            long service = service(3);
            long slot = slot(service, today.plusDays(1), 0); // 09:00-10:00 China tomorrow

            assertThat(book(users.resident(), slot)).hasStatusOk();

            assertThat(gate.seatsLeft(slot)).contains(2);
            long expected = Duration.between(clock.instant(), today.plusDays(1).atTime(2, 0)
                    .toInstant(ZoneOffset.UTC).plus(Duration.ofDays(1))).toMillis();
            assertThat(redis.getExpire(SeatGate.seatsKey(slot), TimeUnit.MILLISECONDS))
                    .isBetween(expected - 60_000, expected);
            assertThat(redis.getExpire(SeatGate.holdersKey(slot), TimeUnit.MILLISECONDS))
                    .isBetween(expected - 60_000, expected);
        }
    }

    @Test
    void aRepeatWithTheSameKeyGetsTheFirstAnswerAndAnotherBodyWithItIsRefused() {
        long service = service(3);
        long slot = slot(service, TOMORROW, 0);
        String key = key();

        MvcTestResult first = book(resident, "{\"slotId\":" + slot + "}", key);
        MvcTestResult repeat = book(resident, "{\"slotId\":" + slot + "}", key);
        MvcTestResult other = book(resident, "{\"slotId\":" + slot(service, TOMORROW, 1) + "}", key);

        assertThat(repeat).hasStatusOk();
        assertThat(id(repeat)).isEqualTo(id(first));
        assertThat(Http.<String>read(repeat, "$.data.code")).isEqualTo(Http.read(first, "$.data.code"));
        assertThat(other).hasStatus(422);
        assertThat(code(other)).isEqualTo(10422);
        assertThat(activeBookings(slot)).isEqualTo(1);
    }

    /** Refusals change nothing and are not kept (DESIGN §6): the same key decides again. */
    @Test
    void aRefusalIsNotKeptTheSameKeyBooksOnceASeatIsFree() {
        long slot = slot(service(1), TOMORROW, 0);
        SignedIn first = users.resident();
        long firstBooking = id(book(first, slot));
        String key = key();

        assertThat(book(resident, "{\"slotId\":" + slot + "}", key)).hasStatus(409).bodyJson()
                .extractingPath("$.code").isEqualTo(50005);
        assertThat(redis.hasKey("idem:" + resident.id() + ":" + key)).as("full is answered before the key").isFalse();
        assertThat(cancel(first, firstBooking)).hasStatusOk();

        MvcTestResult retried = book(resident, "{\"slotId\":" + slot + "}", key);
        assertThat(retried).hasStatusOk();
        assertThat(book(resident, "{\"slotId\":" + slot + "}", key)).as("now kept: the same booking")
                .hasStatusOk().bodyJson().extractingPath("$.data.id").isEqualTo((int) id(retried));
        assertThat(activeBookings(slot)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select user_id from booking where slot_id = ? and active_key = 1", Long.class,
                slot)).isEqualTo(resident.id());
    }

    @Test
    void aLimitRefusalDecidedInMySqlIsNotKeptEither() {
        long service = service(5, 60, 1);
        long booked = id(book(resident, slot(service, TOMORROW, 0)));
        long second = slot(service, TOMORROW, 1);
        String key = key();

        assertThat(book(resident, "{\"slotId\":" + second + "}", key)).hasStatus(409).bodyJson()
                .extractingPath("$.code").isEqualTo(50010);
        assertThat(cancel(resident, booked)).hasStatusOk();

        assertThat(book(resident, "{\"slotId\":" + second + "}", key)).hasStatusOk();
        assertThat(activeBookings(second)).isEqualTo(1);
        assertThat(gate.seatsLeft(second)).contains(4);
    }

    @Test
    void anotherUsersBookingIsNotFoundToReadOrCancel() {
        long booking = id(book(resident, slot(service(3), TOMORROW, 0)));
        SignedIn stranger = users.resident();

        assertThat(mvc.get().uri("/api/v1/bookings/" + booking).header("Authorization", stranger.bearer()))
                .hasStatus(404).bodyJson().extractingPath("$.code").isEqualTo(50004);
        assertThat(cancel(stranger, booking)).hasStatus(404);
        assertThat(jdbc.queryForObject("select status from booking where id = ?", String.class, booking)).isEqualTo("BOOKED");
        assertThat(mvc.get().uri("/api/v1/bookings/" + booking).header("Authorization", resident.bearer())).hasStatusOk();
    }

    @Test
    void cancellingReleasesTheSeatOnceAndAfterTheDeadlineIsRefused() {
        long service = service(1, 120, 2);
        long slot = slot(service, TOMORROW, 0);
        long booking = id(book(resident, slot));

        assertThat(cancel(resident, booking)).hasStatusOk().bodyJson().extractingPath("$.data.status").isEqualTo("CANCELLED");
        assertThat(cancel(resident, booking)).hasStatus(409).bodyJson().extractingPath("$.data.status").isEqualTo("CANCELLED");
        assertThat(seatsLeftInMySql(slot)).isEqualTo(1);
        assertThat(gate.seatsLeft(slot)).contains(1);

        long again = id(book(resident, slot)); // a cancelled booking does not block booking again
        clock.set(Instant.parse("2026-12-03T00:00:00Z")); // 08:00, one hour before the 09:00 slot: inside 120 min
        assertThat(cancel(resident, again)).hasStatus(409).bodyJson().extractingPath("$.code").isEqualTo(50013);
        assertThat(activeBookings(slot)).isEqualTo(1);
    }

    @Test
    void theWeeklyLimitAndTheHorizonAndTheNoticeAreEnforced() {
        long service = service(5, 60, 2);
        book(resident, slot(service, TOMORROW, 0));
        book(resident, slot(service, TOMORROW, 1));

        assertThat(book(resident, slot(service, TOMORROW, 2))).hasStatus(409).bodyJson().extractingPath("$.data.limit")
                .isEqualTo(2);
        assertThat(bookingsOf(resident)).as("the refusal wrote nothing").isEqualTo(2);
        assertThat(booked(slot(service, TOMORROW, 2))).isZero();
        clock.set(Instant.parse("2026-12-03T00:45:00Z")); // 08:45: the 09:00 slot needs 30 minutes' notice
        SignedIn late = users.resident();
        assertThat(book(late, slot(service, TOMORROW, 0))).hasStatus(409).bodyJson()
                .extractingPath("$.code").isEqualTo(50008);
        assertThat(book(late, slot(service, TOMORROW, 1))).hasStatusOk();
        assertThat(jdbc.queryForList("select slot_id from booking where user_id = ? and status = 'BOOKED'", Long.class,
                late.id())).containsExactly(slot(service, TOMORROW, 1));
        assertThat(booked(slot(service, TOMORROW, 0))).isEqualTo(1);
        assertThat(booked(slot(service, TOMORROW, 1))).isEqualTo(2);
    }

    @Test
    void staffCheckInOnlyAtTheirStationOnceAndUnknownCodesAreNotFound() {
        String code = Http.read(book(resident, slot(service(3), TOMORROW, 0)), "$.data.code");
        long otherStation = stations.at(community, 43.86, 126.56).kinds(StationKind.SERVICE).create().id();
        SignedIn otherStaff = users.with(Role.STAFF, otherStation);

        assertThat(checkIn(otherStaff, code)).hasStatus(403).bodyJson().extractingPath("$.code").isEqualTo(50015);
        assertThat(checkIn(staff, "ZZZZZZZZZZ")).hasStatus(404);
        assertThat(checkIn(staff, "doorstep:booking:" + code)).hasStatusOk().bodyJson()
                .extractingPath("$.data.status").isEqualTo("CHECKED_IN");
        assertThat(checkIn(staff, code)).hasStatus(409).bodyJson().extractingPath("$.data.status").isEqualTo("CHECKED_IN");
        assertThat(jdbc.queryForObject("select checked_in_by from booking where code = ?", Long.class, code))
                .isEqualTo(staff.id());
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'booking.check-in' and actor_id = ?",
                Integer.class, staff.id())).isEqualTo(1);
        assertThat(mvc.get().uri("/api/v1/staff/bookings?date=" + TOMORROW).header("Authorization", staff.bearer()))
                .hasStatusOk().bodyJson().extractingPath("$.data.items[0].status").isEqualTo("CHECKED_IN");
        assertThat(mvc.get().uri("/api/v1/staff/bookings?date=" + TOMORROW).header("Authorization", otherStaff.bearer()))
                .hasStatusOk().bodyJson().extractingPath("$.data.items").asArray().isEmpty();
    }

    @Test
    void anAttendedActivityEarnsItsPointsOnce() {
        long activity = activity(20, 10);
        assertThat(mvc.get().uri("/api/v1/stations/" + station + "/activities")).hasStatusOk().bodyJson()
                .extractingPath("$.data.items[0].seatsLeft").isEqualTo(20);
        String code = Http.read(book(resident, "{\"activityId\":" + activity + "}", key()), "$.data.code");
        clock.set(ACTIVITY_STARTS); // the activity is on

        assertThat(checkIn(staff, code)).hasStatusOk().bodyJson().extractingPath("$.data.pointsAwarded").isEqualTo(10);
        assertThat(checkIn(staff, code)).hasStatus(409);

        assertThat(jdbc.queryForObject("select count(*) from points_ledger where user_id = ? and reason = 'ACTIVITY_ATTENDED' "
                + "and ref_type = 'activity' and ref_id = ?", Integer.class, resident.id(), String.valueOf(activity)))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select balance from points_account where user_id = ?", Long.class, resident.id()))
                .isEqualTo(10);
        assertThat(Inboxes.of(mvc, resident, "POINTS_EARNED")).singleElement().satisfies(notice ->
                assertThat(notice.get("body")).asString().startsWith("参加活动：").endsWith("获得 10 积分。"));
    }

    @Test
    void staffCannotCheckInTheirOwnActivityBookingNorEarnItsPoints() {
        long activity = activity(20, 10);
        String code = Http.read(book(staff, "{\"activityId\":" + activity + "}", key()), "$.data.code");
        clock.set(ACTIVITY_STARTS);

        MvcTestResult refused = checkIn(staff, code);

        assertThat(refused).hasStatus(403);
        assertThat(code(refused)).isEqualTo(50025);
        assertThat(jdbc.queryForObject("select status from booking where code = ?", String.class, code)).isEqualTo("BOOKED");
        assertThat(jdbc.queryForObject("select count(*) from points_ledger where user_id = ?", Integer.class, staff.id()))
                .isZero();
        SignedIn colleague = users.with(Role.STAFF, station);
        assertThat(checkIn(colleague, code)).as("another of the station's staff may").hasStatusOk()
                .bodyJson().extractingPath("$.data.pointsAwarded").isEqualTo(10);
    }

    @Test
    void anActivityIsCheckedInOnlyFromAnHourBeforeItStartsUntilTheGraceAfterItEnds() {
        long activity = activity(20, 10);
        String early = Http.read(book(resident, "{\"activityId\":" + activity + "}", key()), "$.data.code");
        SignedIn punctual = users.resident();
        String onTime = Http.read(book(punctual, "{\"activityId\":" + activity + "}", key()), "$.data.code");
        SignedIn late = users.resident();
        String tooLate = Http.read(book(late, "{\"activityId\":" + activity + "}", key()), "$.data.code");

        MvcTestResult daysBefore = checkIn(staff, early); // NOW: three days before the activity
        assertThat(daysBefore).hasStatus(409);
        assertThat(code(daysBefore)).isEqualTo(50026);
        assertThat(Http.<String>read(daysBefore, "$.data.opensAt")).isEqualTo("2026-12-05T00:00:00Z");
        assertThat(Http.<String>read(daysBefore, "$.data.closesAt")).isEqualTo("2026-12-05T03:30:00Z");
        assertThat(jdbc.queryForObject("select status from booking where code = ?", String.class, early)).isEqualTo("BOOKED");
        assertThat(jdbc.queryForObject("select count(*) from points_ledger where user_id = ?", Integer.class,
                resident.id())).isZero();

        clock.set(Instant.parse("2026-12-05T00:00:00Z")); // 08:00 China: an hour before it starts
        assertThat(checkIn(staff, early)).hasStatusOk();
        clock.set(Instant.parse("2026-12-05T03:30:00Z")); // 11:30: the activity ended half an hour ago
        assertThat(checkIn(staff, onTime)).hasStatusOk();
        clock.set(Instant.parse("2026-12-05T03:30:00.001Z"));
        assertThat(checkIn(staff, tooLate)).hasStatus(409).bodyJson().extractingPath("$.code").isEqualTo(50026);
        assertThat(jdbc.queryForObject("select status from booking where code = ?", String.class, tooLate))
                .isEqualTo("BOOKED");
    }

    @Test
    void aPausedResidentCannotJoinAWaitlist() {
        long slot = slot(service(1), TOMORROW, 0);
        book(users.resident(), slot);
        pause(resident);

        MvcTestResult refused = joinWaitlist(resident, slot);

        assertThat(refused).hasStatus(403);
        assertThat(code(refused)).isEqualTo(50012);
        assertThat(Http.<String>read(refused, "$.data.pausedUntil")).isEqualTo("2026-12-09T00:00:00Z");
        assertThat(waitlistEntries(resident)).isZero();
    }

    @Test
    void aResidentAtTheWeeklyLimitCannotJoinAWaitlistOfThatService() {
        long service = service(1, 60, 1);
        book(resident, slot(service, TOMORROW, 0));
        long full = slot(service, TOMORROW, 1);
        book(users.resident(), full);

        MvcTestResult refused = joinWaitlist(resident, full);

        assertThat(refused).hasStatus(409);
        assertThat(code(refused)).isEqualTo(50010);
        assertThat(waitlistEntries(resident)).isZero();
    }

    @Test
    void anOfferIsNotTakenByAResidentPausedSinceTheyJoined() {
        long slot = slot(service(1), TOMORROW, 0);
        SignedIn holder = users.resident();
        long booking = id(book(holder, slot));
        assertThat(joinWaitlist(resident, slot)).hasStatusOk();
        pause(resident);
        cancel(holder, booking);
        long entry = offeredEntry(resident);

        MvcTestResult refused = accept(resident, entry);
        MvcTestResult byBooking = book(resident, slot);

        assertThat(refused).hasStatus(403);
        assertThat(code(refused)).isEqualTo(50012);
        assertThat(byBooking).as("booking the offered seat is accepting it").hasStatus(403);
        assertThat(activeBookings(slot)).isZero();
        assertThat(jdbc.queryForObject("select status from booking_waitlist where id = ?", String.class, entry))
                .as("still theirs until it expires").isEqualTo("OFFERED");
    }

    @Test
    void anOfferIsNotTakenOverTheWeeklyLimitReachedSinceJoining() {
        long service = service(1, 60, 1);
        long full = slot(service, TOMORROW, 0);
        SignedIn holder = users.resident();
        long booking = id(book(holder, full));
        assertThat(joinWaitlist(resident, full)).hasStatusOk();
        assertThat(book(resident, slot(service, TOMORROW, 1))).hasStatusOk(); // the week's one booking
        cancel(holder, booking);
        long entry = offeredEntry(resident);

        MvcTestResult refused = accept(resident, entry);

        assertThat(refused).hasStatus(409);
        assertThat(code(refused)).isEqualTo(50010);
        assertThat(activeBookings(full)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from booking where user_id = ? and active_key = 1",
                Integer.class, resident.id())).isEqualTo(1);
    }

    /** Paused for a week from now, as three no-shows would. */
    void pause(SignedIn who) {
        jdbc.update("insert into booking_member (user_id, paused_from, paused_until, pause_reason, updated_at) "
                + "values (?, ?, ?, '30 天内 3 次预约未到', ?) on duplicate key update paused_from = values(paused_from), "
                + "paused_until = values(paused_until), pause_reason = values(pause_reason)",
                who.id(), java.sql.Timestamp.from(NOW), java.sql.Timestamp.from(NOW.plus(Duration.ofDays(7))),
                java.sql.Timestamp.from(NOW));
    }

    int waitlistEntries(SignedIn who) {
        return jdbc.queryForObject("select count(*) from booking_waitlist where user_id = ?", Integer.class, who.id());
    }

    long offeredEntry(SignedIn who) {
        return jdbc.queryForObject("select id from booking_waitlist where user_id = ? and status = 'OFFERED'", Long.class,
                who.id());
    }

    MvcTestResult accept(SignedIn who, long entry) {
        return mvc.post().uri("/api/v1/waitlist/" + entry + "/accept").header("Authorization", who.bearer()).exchange();
    }

    @Test
    void threeNoShowsPauseBookingForAWeekWithTheReasonShown() {
        long service = service(5, 60, 5);
        for (int i = 0; i < 3; i++) {
            book(resident, slot(service, TOMORROW, i));
        }
        clock.set(Instant.parse("2026-12-03T09:00:00Z")); // 17:00 China: the slots ended, the grace passed

        assertThat(noShows.markDue()).isGreaterThanOrEqualTo(3);
        noShows.markDue(); // a second run finds nothing more of this user's

        assertThat(jdbc.queryForObject("select count(*) from booking where user_id = ? and status = 'NO_SHOW'",
                Integer.class, resident.id())).isEqualTo(3);
        MvcTestResult status = mvc.get().uri("/api/v1/bookings/status").header("Authorization", resident.bearer()).exchange();
        assertThat(Http.<Boolean>read(status, "$.data.paused")).isTrue();
        assertThat(Http.<String>read(status, "$.data.reason")).contains("3 次预约未到");
        assertThat(Http.<String>read(status, "$.data.pausedUntil")).isEqualTo("2026-12-10T09:00:00Z");
        MvcTestResult refused = book(resident, slot(service, TOMORROW.plusDays(1), 0));
        assertThat(refused).hasStatus(403);
        assertThat(code(refused)).isEqualTo(50012);

        clock.set(Instant.parse("2026-12-10T09:00:01Z"));
        generator.generateAll();
        assertThat(book(resident, slot(service, TOMORROW.plusDays(8), 0))).hasStatusOk();
    }

    @Test
    void closingASlotCancelsItsBookingsAndTellsTheirHolders() {
        long slot = slot(service(3), TOMORROW, 0);
        long booking = id(book(resident, slot));
        SignedIn stranger = users.resident();

        assertThat(mvc.post().uri("/api/v1/staff/slots/" + slot + "/close").header("Authorization",
                users.with(Role.STAFF, station + 100_000).bearer())).hasStatus(403);
        assertThat(mvc.post().uri("/api/v1/admin/slots/" + slot + "/close").header("Authorization", admin.bearer()))
                .hasStatusOk().bodyJson().extractingPath("$.data.status").isEqualTo("CLOSED");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select status from booking where id = ?", String.class, booking)).isEqualTo("CANCELLED"));
        assertThat(notices(resident, "SLOT_CLOSED")).isEqualTo(1);
        assertThat(booked(slot)).as("the seat given back").isZero();
        assertThat(book(stranger, slot)).hasStatus(409).bodyJson().extractingPath("$.code").isEqualTo(50007);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'booking.slot.close'"
                + " and target_id = ?", Integer.class, String.valueOf(slot))).isEqualTo(1);
    }

    @Test
    void leavingTheLineWhileWaitingEndsThePlaceAndLeavingAnOfferPassesTheHeldSeatToTheNextInLine() {
        long slot = slot(service(1), TOMORROW, 0);
        long booking = id(book(resident, slot));
        SignedIn first = users.resident();
        SignedIn second = users.resident();
        SignedIn third = users.resident();
        long firstEntry = id(joinWaitlist(first, slot));
        joinWaitlist(second, slot);
        long thirdEntry = id(joinWaitlist(third, slot));
        assertThat(cancel(resident, booking)).hasStatusOk();
        assertThat(waitlistStatus(first)).isEqualTo("OFFERED");

        assertThat(leave(third, thirdEntry)).hasStatusOk().bodyJson().extractingPath("$.data.status").isEqualTo("LEFT");
        assertThat(leave(second, firstEntry)).as("another user's place").hasStatus(404)
                .bodyJson().extractingPath("$.code").isEqualTo(50019);
        assertThat(leave(first, firstEntry)).hasStatusOk().bodyJson().extractingPath("$.data.status").isEqualTo("LEFT");

        assertThat(waitlistStatus(third)).isEqualTo("LEFT");
        assertThat(waitlistStatus(first)).isEqualTo("LEFT");
        assertThat(waitlistStatus(second)).as("the seat passed down the line").isEqualTo("OFFERED");
        assertThat(notices(second, "WAITLIST_OFFER")).isEqualTo(1);
        assertThat(notices(third, "WAITLIST_OFFER")).isZero();
        assertThat(jdbc.queryForObject("select held from booking_slot where id = ?", Integer.class, slot)).isEqualTo(1);
        assertThat(gate.seatsLeft(slot)).contains(0);
        assertThat(redis.opsForSet().isMember(SeatGate.holdersKey(slot), String.valueOf(second.id()))).isTrue();
        assertThat(redis.opsForSet().isMember(SeatGate.holdersKey(slot), String.valueOf(first.id()))).isFalse();
        assertThat(leave(first, firstEntry)).as("left already").hasStatus(409)
                .bodyJson().extractingPath("$.code").isEqualTo(50020);
    }

    MvcTestResult leave(SignedIn who, long entry) {
        return mvc.post().uri("/api/v1/waitlist/" + entry + "/leave").header("Authorization", who.bearer()).exchange();
    }

    String waitlistStatus(SignedIn who) {
        return jdbc.queryForObject("select status from booking_waitlist where user_id = ?", String.class, who.id());
    }

    @Test
    void anUnansweredOfferPassesDownTheLineAndTheHeldSeatIsNotForOthers() {
        long slot = slot(service(1), TOMORROW, 0);
        long booking = id(book(resident, slot));
        SignedIn first = users.resident();
        SignedIn second = users.resident();
        joinWaitlist(first, slot);
        joinWaitlist(second, slot);
        assertThat(joinWaitlist(second, slot)).hasStatus(409);

        cancel(resident, booking);

        assertThat(book(users.resident(), slot)).as("the held seat").hasStatus(409);
        assertThat(notices(first, "WAITLIST_OFFER")).isEqualTo(1);
        assertThat(Inboxes.of(mvc, first, "WAITLIST_OFFER")).as("in the inbox too, with its deadline").singleElement()
                .satisfies(notice -> {
                    assertThat(notice.get("title")).isEqualTo("候补有空位了");
                    assertThat(notice.get("body")).asString().contains("为您保留到 2026-12-02 08:15");
                });
        clock.set(NOW.plus(Duration.ofMinutes(16)));
        assertThat(waitlist.expireOffers()).isPositive();
        waitlist.expireOffers();
        assertThat(jdbc.queryForObject("select status from booking_waitlist where user_id = ?", String.class, first.id()))
                .isEqualTo("EXPIRED");
        assertThat(notices(second, "WAITLIST_OFFER")).isEqualTo(1);
        assertThat(Inboxes.of(mvc, second, "WAITLIST_OFFER")).singleElement().satisfies(notice ->
                assertThat(notice.get("body")).asString().contains("为您保留到 2026-12-02 08:31"));
        MvcTestResult mine = mvc.get().uri("/api/v1/waitlist/mine").header("Authorization", second.bearer()).exchange();
        assertThat(Http.<String>read(mine, "$.data.items[0].status")).isEqualTo("OFFERED");
        long entry = ((Number) Http.read(mine, "$.data.items[0].id")).longValue();
        assertThat(mvc.post().uri("/api/v1/waitlist/" + entry + "/accept").header("Authorization", second.bearer()))
                .hasStatusOk().bodyJson().extractingPath("$.data.status").isEqualTo("BOOKED");
        assertThat(activeBookings(slot)).isEqualTo(1);
        assertThat(seatsLeftInMySql(slot)).isZero();
        assertThat(gate.seatsLeft(slot)).contains(0);
    }

    @Test
    void aReminderGoesOutOnceBeforeTheSlot() {
        book(resident, slot(service(3), TOMORROW, 0));
        clock.set(Instant.parse("2026-12-02T23:30:00Z")); // 07:30 China, 90 minutes before

        reminders.sendDue();
        reminders.sendDue();

        assertThat(notices(resident, "BOOKING_REMINDER")).isEqualTo(1);
        assertThat(Inboxes.kinds(mvc, resident)).as("newest first").containsExactly("BOOKING_REMINDER", "BOOKING_CONFIRMED");
    }

    @Test
    void aWeChatOutageNeverFailsABookingItsNoticeWaitsInTheOutbox() {
        WeChatStubs weChat = WeChatStubs.of(TestServers.get());
        weChat.reset();
        weChat.accessToken();
        weChat.subscribeMessageAnswers(WeChatStubs.serverError());
        notifier.consented(resident.id(), List.of(NotificationKind.BOOKING_CONFIRMED));

        MvcTestResult booked = book(resident, slot(service(3), TOMORROW, 0));

        assertThat(booked).hasStatusOk(); // the notice is only written to the outbox, in the booking's transaction
        assertThat(jdbc.queryForObject("select status from notify_outbox where user_id = ? and kind = 'BOOKING_CONFIRMED'",
                String.class, resident.id())).isEqualTo("PENDING");
        weChat.reset();
    }

    @Test
    void slotsFollowTheStationsHolidayPolicyAPublicHolidayTakesSundaysAndAMakeUpDayMondays() {
        station = stations.at(community, 43.87, 126.57).kinds(StationKind.SERVICE)
                .hours(TestStations.allDay(), HolidayPolicy.FOLLOW_CALENDAR).create().id();
        staff = users.with(Role.STAFF, station);
        var platform = new CurrentUser(admin.id(), Set.of(new RoleGrant(Role.PLATFORM, 0)));
        LocalDate friday = LocalDate.of(2026, 12, 4);
        LocalDate saturday = LocalDate.of(2026, 12, 5);
        calendar.set(platform, friday, DayKind.HOLIDAY, "测试假日");
        calendar.set(platform, saturday, DayKind.WORKDAY, "测试调休");
        try {
            MvcTestResult created = mvc.post().uri("/api/v1/staff/stations/" + station + "/services")
                    .header("Authorization", staff.bearer()).contentType(MediaType.APPLICATION_JSON).content("""
                            {"name":"法律咨询","kind":"SERVICE","capacity":2,"slotMinutes":60,
                             "weeklySchedule":[{"day":7,"opens":"09:00","closes":"10:00"},{"day":1,"opens":"14:00","closes":"15:00"}],
                             "exceptions":[{"date":"2026-12-06","closed":true}]}
                            """).exchange();
            long service = id(created);

            assertThat(slotStarts(service, friday)).as("a holiday keeps Sunday's").containsExactly("2026-12-04T01:00:00Z");
            assertThat(slotStarts(service, saturday)).as("a 调休 day keeps Monday's").containsExactly("2026-12-05T06:00:00Z");
            assertThat(slotStarts(service, LocalDate.of(2026, 12, 6))).as("the service's own exception").isEmpty();
            assertThat(slotStarts(service, LocalDate.of(2026, 12, 7))).containsExactly("2026-12-07T06:00:00Z");
            assertThat(slotStarts(service, LocalDate.of(2026, 12, 3))).isEmpty();
        } finally {
            calendar.remove(platform, friday);
            calendar.remove(platform, saturday);
        }
    }

    List<String> slotStarts(long service, LocalDate date) {
        return Http.read(mvc.get().uri("/api/v1/services/" + service + "/slots?date=" + date).exchange(), "$.data[*].startsAt");
    }

    @Test
    void generatingSlotsAgainAddsNone() {
        long service = service(3);
        int made = slotsOf(service);
        assertThat(made).isPositive();

        generator.generateAll(); // other tests' services may still be due (their clocks differ): count only ours

        assertThat(slotsOf(service)).isEqualTo(made);
    }

    private int slotsOf(long service) {
        return jdbc.queryForObject("select count(*) from booking_slot where service_id = ?", Integer.class, service);
    }

    @Nested
    class Refusals {

        @Test
        void aBookingNamingNeitherOrBothTargetsIsRefused() {
            assertThat(book(resident, "{}", key())).hasStatus(400).bodyJson().extractingPath("$.code").isEqualTo(50023);
            assertThat(book(resident, "{\"slotId\":1,\"activityId\":1}", key())).hasStatus(400);
            assertThat(bookingsOf(resident)).isZero();
        }

        @Test
        void aBookingWithoutIdempotencyKeyIsRefused() {
            assertThat(mvc.post().uri("/api/v1/bookings").header("Authorization", resident.bearer())
                    .contentType(MediaType.APPLICATION_JSON).content("{\"slotId\":1}")).hasStatus(400);
            assertThat(bookingsOf(resident)).isZero();
        }

        @Test
        void anUnknownSlotIsNotFound() {
            assertThat(book(resident, "{\"slotId\":999999999}", key())).hasStatus(404).bodyJson()
                    .extractingPath("$.code").isEqualTo(50001);
        }

        @Test
        void staffOfAnotherStationCannotManageThisOne() {
            SignedIn otherStaff = users.with(Role.STAFF, station + 100_000);
            assertThat(mvc.post().uri("/api/v1/staff/stations/" + station + "/services").header("Authorization",
                    otherStaff.bearer()).contentType(MediaType.APPLICATION_JSON).content("""
                    {"name":"x","kind":"ROOM","capacity":1,"slotMinutes":60,"weeklySchedule":[]}
                    """)).hasStatus(403).bodyJson().extractingPath("$.code").isEqualTo(50024);
            assertThat(jdbc.queryForObject("select count(*) from booking_service where station_id = ?", Integer.class,
                    station)).isZero();
        }
    }

    int bookingsOf(SignedIn who) {
        return jdbc.queryForObject("select count(*) from booking where user_id = ?", Integer.class, who.id());
    }
}
