package cn.doorstep.booking;

import cn.doorstep.booking.gate.SeatGate;
import cn.doorstep.common.Role;
import cn.doorstep.station.StationKind;
import cn.doorstep.support.Http;
import cn.doorstep.support.MutableClock;
import cn.doorstep.support.TestRegions;
import cn.doorstep.support.TestStations;
import cn.doorstep.support.TestUsers.SignedIn;
import cn.doorstep.support.TestUsers;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** A fresh community with a service station, its staff, and the requests residents and staff make. */
public abstract class BookingTestSupport {

    /** Wednesday 2026-12-02, 08:00 in China. */
    protected static final Instant NOW = Instant.parse("2026-12-02T00:00:00Z");
    protected static final LocalDate TOMORROW = LocalDate.of(2026, 12, 3);
    /** When {@link #activity}'s activity starts: Saturday 2026-12-05, 09:00 in China (it ends at 11:00). */
    protected static final Instant ACTIVITY_STARTS = Instant.parse("2026-12-05T01:00:00Z");

    @Autowired
    protected MockMvcTester mvc;
    @Autowired
    protected TestUsers users;
    @Autowired
    protected TestRegions regions;
    @Autowired
    protected TestStations stations;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected StringRedisTemplate redis;
    @Autowired
    protected SeatGate gate;
    @Autowired
    protected MutableClock clock;

    protected long community;
    protected long station;
    protected SignedIn staff;
    protected SignedIn admin;

    protected void setUpStation() {
        setUpStation(NOW);
    }

    protected void setUpStation(Instant now) {
        clock.set(now);
        community = regions.community();
        station = stations.at(community, 43.85, 126.55).named("测试党群服务站").kinds(StationKind.SERVICE).create().id();
        staff = users.with(Role.STAFF, station);
        admin = users.with(Role.ADMIN, community);
    }

    @AfterEach
    protected void resetClock() {
        clock.set(Instant.now());
    }

    /** A service open 09:00-17:00 every day in one-hour slots. */
    protected long service(int capacity) {
        return service(capacity, 60, 2);
    }

    protected long service(int capacity, int cancelDeadlineMinutes, int weeklyLimit) {
        MvcTestResult reply = mvc.post().uri("/api/v1/staff/stations/" + station + "/services")
                .header("Authorization", staff.bearer()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"name":"义务理发","kind":"SERVICE","capacity":%d,"slotMinutes":60,
                         "weeklySchedule":[%s],"horizonDays":7,"minNoticeMinutes":30,
                         "cancelDeadlineMinutes":%d,"weeklyLimit":%d,"audience":"RESIDENTS"}
                        """.formatted(capacity, everyDay("09:00", "17:00"), cancelDeadlineMinutes, weeklyLimit))
                .exchange();
        return ((Number) Http.read(reply, "$.data.id")).longValue();
    }

    protected static String everyDay(String opens, String closes) {
        var sb = new StringBuilder();
        for (int d = 1; d <= 7; d++) {
            sb.append(d > 1 ? "," : "").append("{\"day\":%d,\"opens\":\"%s\",\"closes\":\"%s\"}".formatted(d, opens, closes));
        }
        return sb.toString();
    }

    /** The id of the service's n-th slot (0-based) on a date. */
    protected long slot(long serviceId, LocalDate date, int n) {
        MvcTestResult reply = mvc.get().uri("/api/v1/services/" + serviceId + "/slots?date=" + date).exchange();
        return ((Number) Http.read(reply, "$.data[" + n + "].id")).longValue();
    }

    protected long activity(int capacity, int points) {
        MvcTestResult reply = mvc.post().uri("/api/v1/staff/stations/" + station + "/activities")
                .header("Authorization", staff.bearer()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"title":"暖新大集","place":"服务站广场","startsAt":"2026-12-05T09:00:00",
                         "endsAt":"2026-12-05T11:00:00","capacity":%d,"audience":"ALL","points":%d}
                        """.formatted(capacity, points)).exchange();
        return ((Number) Http.read(reply, "$.data.id")).longValue();
    }

    protected MvcTestResult book(SignedIn who, long slotId) {
        return book(who, "{\"slotId\":" + slotId + "}", key());
    }

    protected MvcTestResult book(SignedIn who, String body, String key) {
        return mvc.post().uri("/api/v1/bookings").header("Authorization", who.bearer()).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    protected MvcTestResult cancel(SignedIn who, long bookingId) {
        return mvc.post().uri("/api/v1/bookings/" + bookingId + "/cancel").header("Authorization", who.bearer()).exchange();
    }

    protected MvcTestResult checkIn(SignedIn who, String code) {
        return mvc.post().uri("/api/v1/staff/bookings/check-in").header("Authorization", who.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"" + code + "\"}").exchange();
    }

    protected MvcTestResult joinWaitlist(SignedIn who, long slotId) {
        return mvc.post().uri("/api/v1/waitlist").header("Authorization", who.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"slotId\":" + slotId + "}").exchange();
    }

    protected static String key() {
        return UUID.randomUUID().toString();
    }

    protected static long id(MvcTestResult reply) {
        return ((Number) Http.read(reply, "$.data.id")).longValue();
    }

    protected static int code(MvcTestResult reply) {
        return Http.read(reply, "$.code");
    }

    /** A reply in short, for a race's replies: "200", or the status and code ("409 50005"; a 500 shows as "500 10500"). */
    protected static String outcome(MvcTestResult reply) {
        int status = reply.getResponse().getStatus();
        return status == 200 ? "200" : status + " " + code(reply);
    }

    /** What a booking in a race may answer: booked, or refused as FULL. */
    protected static final String[] BOOKED_OR_FULL = {"200", "409 50005"};

    protected int activeBookings(long slotId) {
        return jdbc.queryForObject("select count(*) from booking where slot_id = ? and active_key = 1", Integer.class, slotId);
    }

    protected int booked(long slotId) {
        return jdbc.queryForObject("select booked from booking_slot where id = ?", Integer.class, slotId);
    }

    /** Seats left by MySQL's record: capacity − booked − held (0 when closed). */
    protected int seatsLeftInMySql(long slotId) {
        return jdbc.queryForObject("select case when status = 'OPEN' then capacity - booked - held else 0 end "
                + "from booking_slot where id = ?", Integer.class, slotId);
    }

    protected int notices(SignedIn who, String kind) {
        return jdbc.queryForObject("select count(*) from notify_outbox where user_id = ? and kind = ?", Integer.class,
                who.id(), kind);
    }
}
