package cn.doorstep.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.doorstep.booking.BookingChanged;
import cn.doorstep.booking.BookingTestSupport;
import cn.doorstep.booking.staff.NoShows;
import cn.doorstep.common.Role;
import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.TestUsers.SignedIn;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Booking statistics of the week Monday 2026-11-30 to Sunday 2026-12-06 (China time), seeded through the API: at a
 * fresh station, a service's 09:00 slot on Thursday 12-03 is booked by r1 (checked in) and r2 (no-show), its 10:00
 * slot by r3 (no-show) and r4 (cancelled); Saturday's activity by r1 (checked in) and r2 (no-show). No-shows are
 * marked by the booking module's job after the slots.
 */
@IntegrationTest
class BookingStatsTest extends BookingTestSupport {

    static final String WEEK = "period=week&date=2026-12-03";

    @Autowired
    NoShows noShows;
    @Autowired
    StatsListener listener;

    long service;
    long activity;

    @BeforeEach
    void seed() {
        setUpStation();
        service = service(3);
        activity = activity(5, 0);
        SignedIn r1 = users.resident();
        SignedIn r2 = users.resident();
        SignedIn r3 = users.resident();
        SignedIn r4 = users.resident();
        long nine = slot(service, TOMORROW, 0);
        long ten = slot(service, TOMORROW, 1);
        String c1 = Http.read(book(r1, nine), "$.data.code");
        ok(book(r2, nine));
        ok(book(r3, ten));
        ok(cancel(r4, id(book(r4, ten))));
        String a1 = Http.read(book(r1, "{\"activityId\":" + activity + "}", key()), "$.data.code");
        ok(book(r2, "{\"activityId\":" + activity + "}", key()));
        clock.set(Instant.parse("2026-12-03T01:10:00Z"));
        ok(checkIn(staff, c1));
        clock.set(ACTIVITY_STARTS.plusSeconds(600));
        ok(checkIn(staff, a1));
        clock.set(Instant.parse("2026-12-06T04:00:00Z"));
        noShows.markDue();
        awaitFolds();
    }

    @Test
    void aCommunityAdminSeesTheWeeksBookingsByStationServiceAndActivity() {
        var reply = get(admin, "bookings?communityId=" + community + "&" + WEEK);

        assertThat(reply).hasStatusOk();
        assertThat(Http.<Map<String, Object>>read(reply, "$.data.total")).isEqualTo(Map.of("booked", 6, "cancelled", 1,
                "attended", 2, "noShows", 3, "pending", 0, "attendanceRate", 0.4, "noShowRate", 0.6));
        assertThat(Http.<List<Object>>read(reply, "$.data.byStation")).hasSize(1);
        assertThat(Http.<Integer>read(reply, "$.data.byStation[0].stationId").longValue()).isEqualTo(station);
        assertThat(Http.<String>read(reply, "$.data.byStation[0].stationName")).isEqualTo("测试党群服务站");
        assertThat(Http.<Map<String, Object>>read(reply, "$.data.byService[0]"))
                .containsEntry("serviceId", (int) service)
                .containsEntry("figures", Map.of("booked", 4, "cancelled", 1, "attended", 1, "noShows", 2, "pending", 0,
                        "attendanceRate", 0.3333, "noShowRate", 0.6667));
        assertThat(Http.<Map<String, Object>>read(reply, "$.data.activities[0]"))
                .containsEntry("activityId", (int) activity).containsEntry("turnout", 0.5);
        assertThat(Http.<List<Map<String, Object>>>read(reply, "$.data.daily")).hasSize(7)
                .contains(Map.of("date", "2026-12-03", "booked", 4, "attended", 1, "noShows", 2),
                        Map.of("date", "2026-12-05", "booked", 2, "attended", 1, "noShows", 1),
                        Map.of("date", "2026-12-04", "booked", 0, "attended", 0, "noShows", 0));
    }

    @Test
    void theFiguresEqualDirectCountsOverTheBookingTable() {
        var reply = get(admin, "bookings?communityId=" + community + "&" + WEEK);

        Map<String, Object> total = Http.read(reply, "$.data.total");
        var direct = jdbc.queryForList("select status, count(*) n from booking where station_id = ? group by status", station);
        Map<String, String> field = Map.of("CHECKED_IN", "attended", "NO_SHOW", "noShows", "CANCELLED", "cancelled",
                "BOOKED", "pending");
        direct.forEach(r -> assertThat(total.get(field.get((String) r.get("status")))).isEqualTo(((Number) r.get("n")).intValue()));
        assertThat(total.get("booked")).isEqualTo(jdbc.queryForObject("select count(*) from booking where station_id = ?",
                Integer.class, station));
    }

    @Test
    void aDayIsTheSlotsChinaDay() {
        var thursday = get(admin, "bookings?communityId=" + community + "&period=day&date=2026-12-03");
        var wednesday = get(admin, "bookings?communityId=" + community + "&period=day&date=2026-12-02");

        assertThat(Http.<Integer>read(thursday, "$.data.total.booked")).isEqualTo(4);
        assertThat(Http.<Integer>read(wednesday, "$.data.total.booked")).isZero(); // the day they were made
        assertThat(Http.<Object>read(wednesday, "$.data.total.attendanceRate")).isNull();
    }

    @Test
    void aRedeliveredEventChangesNothingAndARebuildWritesTheSameRows() {
        var folded = rows();

        listener.on(new BookingChanged(station, LocalDate.of(2026, 12, 3)));
        listener.on(new BookingChanged(station, LocalDate.of(2026, 12, 3)));
        assertThat(rows()).isEqualTo(folded);

        jdbc.update("delete from stats_daily where community_id = ?", community);
        assertThat(mvc.post().uri("/api/v1/admin/stats/rebuild").header("Authorization", users.with(Role.PLATFORM, 0).bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"from\":\"2026-11-30\",\"to\":\"2026-12-06\"}")).hasStatusOk();
        assertThat(rows()).isNotEmpty().isEqualTo(folded);
    }

    @Test
    void scopesAreCheckedAsForEveryStatistic() {
        long street = jdbc.queryForObject("select street_id from community where id = ?", Long.class, community);
        long district = jdbc.queryForObject("select district_id from street where id = ?", Long.class, street);
        long other = regions.community();

        assertThat(get(users.with(Role.STREET_ADMIN, street), "bookings?streetId=" + street + "&" + WEEK)).hasStatusOk();
        assertThat(Http.<Integer>read(get(users.with(Role.DISTRICT_ADMIN, district), "bookings?districtId=" + district
                + "&" + WEEK), "$.data.total.booked")).isEqualTo(6);
        assertThat(get(users.with(Role.PLATFORM, 0), "bookings?" + WEEK)).hasStatusOk();
        WishStatsTest.assertRefused(get(admin, "bookings?communityId=" + other), 403, 62001, null);
        WishStatsTest.assertRefused(get(admin, "bookings"), 403, 62001, null);
        WishStatsTest.assertRefused(get(users.with(Role.STREET_ADMIN, street), "bookings?districtId=" + district), 403, 62001, null);
        WishStatsTest.assertRefused(get(admin, "bookings?communityId=" + community + "&period=custom"), 400, 62003, "from");
        assertThat(get(staff, "bookings?communityId=" + community)).hasStatus(403);
    }

    private List<Map<String, Object>> rows() {
        return new ArrayList<>(jdbc.queryForList("select metric, day, station_id, dimension, value from stats_daily"
                + " where community_id = ? order by metric, day, station_id, dimension", community));
    }

    private MvcTestResult get(SignedIn who, String path) {
        return mvc.get().uri("/api/v1/admin/stats/" + path).header("Authorization", who.bearer()).exchange();
    }

    private void awaitFolds() {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from EVENT_PUBLICATION"
                + " where EVENT_TYPE in ('cn.doorstep.booking.BookingChanged', 'cn.doorstep.wish.WishChanged')"
                + " and COMPLETION_DATE is null", Integer.class) == 0);
    }

    private static void ok(MvcTestResult reply) {
        if (reply.getResponse().getStatus() != 200) {
            throw new AssertionError("seeding failed: " + reply.getResponse().getStatus() + " " + Http.body(reply));
        }
    }
}
