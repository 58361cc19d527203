package cn.doorstep.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.doorstep.booking.BookingTestSupport;
import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.TestUsers.SignedIn;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * A station's staff, and the admins of its community, manage its services, extra slots and activities
 * through their own paths ({@code /staff/...}, {@code /admin/...}); every change is read back.
 */
@IntegrationTest
class ServiceManagementTest extends BookingTestSupport {

    @BeforeEach
    void setUp() {
        setUpStation();
    }

    @Test
    void anAdminCreatesAServiceAtTheirCommunitysStationAndChangesItThroughTheAdminPaths() {
        MvcTestResult created = mvc.post().uri("/api/v1/admin/stations/" + station + "/services")
                .header("Authorization", admin.bearer()).contentType(MediaType.APPLICATION_JSON)
                .content(serviceJson("法律咨询", 2)).exchange();
        assertThat(created).hasStatusOk();
        long service = id(created);

        assertThat(mvc.put().uri("/api/v1/admin/services/" + service).header("Authorization", admin.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(serviceJson("法律咨询（周二）", 4))).hasStatusOk();

        MvcTestResult listed = mvc.get().uri("/api/v1/stations/" + station + "/services").exchange();
        assertThat(Http.<List<String>>read(listed, "$.data.items[*].name")).containsExactly("法律咨询（周二）");
        assertThat(Http.<List<Integer>>read(listed, "$.data.items[*].capacity")).containsExactly(4);
        assertThat(jdbc.queryForList("select distinct capacity from booking_slot where service_id = ?", Integer.class,
                service)).as("the coming slots follow").containsExactly(4);
        assertThat(auditActions(admin)).contains("booking.service.create", "booking.service.update");
    }

    @Test
    void staffLowerACapacityAndOnlyTheComingSlotsWhoseBookingsFitFollow() {
        long service = service(3);
        long busy = slot(service, TOMORROW, 0);
        book(users.resident(), busy);
        book(users.resident(), busy);

        assertThat(mvc.put().uri("/api/v1/staff/services/" + service).header("Authorization", staff.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(serviceJson("义务理发", 1))).hasStatusOk()
                .bodyJson().extractingPath("$.data.capacity").isEqualTo(1);

        assertThat(capacity(busy)).as("two booked: keeps 3").isEqualTo(3);
        assertThat(capacity(slot(service, TOMORROW, 1))).isEqualTo(1);
        assertThat(jdbc.queryForObject("select capacity from booking_service where id = ?", Integer.class, service))
                .isEqualTo(1);
        long next = slot(service, TOMORROW, 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(gate.seatsLeft(next))
                .as("the gate forgot the old capacity (SlotCapacityChanged)").isEmpty());
    }

    @Test
    void staffAndAdminsAddAnExtraSlotOutsideTheScheduleOnceEach() {
        long service = service(3);
        String evening = "{\"startsAt\":\"" + TOMORROW + "T18:00:00\"}";

        assertThat(mvc.post().uri("/api/v1/staff/services/" + service + "/slots").header("Authorization", staff.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(evening)).hasStatusOk()
                .bodyJson().extractingPath("$.data.startsAt").isEqualTo("2026-12-03T10:00:00Z");
        assertThat(mvc.post().uri("/api/v1/admin/services/" + service + "/slots").header("Authorization", admin.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"startsAt\":\"" + TOMORROW + "T19:00:00\"}"))
                .hasStatusOk();
        assertThat(mvc.post().uri("/api/v1/admin/services/" + service + "/slots").header("Authorization", admin.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(evening)).as("that start exists")
                .hasStatus(HttpStatus.CONFLICT);

        List<String> starts = Http.read(mvc.get().uri("/api/v1/services/" + service + "/slots?date=" + TOMORROW)
                .exchange(), "$.data[*].startsAt");
        assertThat(starts).hasSize(10).endsWith("2026-12-03T10:00:00Z", "2026-12-03T11:00:00Z");
        assertThat(jdbc.queryForObject("select count(*) from booking_slot where service_id = ? and manual = 1",
                Integer.class, service)).isEqualTo(2);
    }

    /** A client sending UTC would have its time read as the station's, eight hours off: refused. */
    @Test
    void aStationLocalTimeWithAnOffsetIsRefusedNamingTheFieldAndNothingIsAdded() {
        long service = service(3);
        for (String startsAt : List.of(TOMORROW + "T10:00:00Z", TOMORROW + "T18:00:00+08:00")) {
            assertThat(mvc.post().uri("/api/v1/staff/services/" + service + "/slots").header("Authorization", staff.bearer())
                    .contentType(MediaType.APPLICATION_JSON).content("{\"startsAt\":\"" + startsAt + "\"}"))
                    .as(startsAt).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.data.errors[0].field")
                    .isEqualTo("startsAt");
        }
        assertThat(mvc.post().uri("/api/v1/admin/stations/" + station + "/activities").header("Authorization", admin.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"title":"亲子手工","place":"活动室","startsAt":"2026-12-06T06:00:00Z",
                         "endsAt":"2026-12-06T08:00:00Z","capacity":12,"audience":"ALL","points":5}
                        """)).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(jdbc.queryForObject("select count(*) from booking_slot where service_id = ? and manual = 1",
                Integer.class, service)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from booking_activity where station_id = ?", Integer.class,
                station)).isZero();
    }

    @Test
    void anAdminPublishesAnActivityThroughTheAdminPathAndResidentsSeeIt() {
        MvcTestResult published = mvc.post().uri("/api/v1/admin/stations/" + station + "/activities")
                .header("Authorization", admin.bearer()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"title":"亲子手工","place":"活动室","startsAt":"2026-12-06T14:00:00",
                         "endsAt":"2026-12-06T16:00:00","capacity":12,"audience":"ALL","points":5}
                        """).exchange();

        assertThat(published).hasStatusOk();
        MvcTestResult coming = mvc.get().uri("/api/v1/stations/" + station + "/activities").exchange();
        assertThat(Http.<List<String>>read(coming, "$.data.items[*].title")).containsExactly("亲子手工");
        assertThat(Http.<List<Integer>>read(coming, "$.data.items[*].seatsLeft")).containsExactly(12);
        assertThat(jdbc.queryForObject("select created_by from booking_activity where id = ?", Long.class, id(published)))
                .isEqualTo(admin.id());
        assertThat(auditActions(admin)).contains("booking.activity.publish");
    }

    @Test
    void anAdminOfAnotherCommunityManagesNothingHere() {
        long service = service(3);
        SignedIn stranger = users.with(cn.doorstep.common.Role.ADMIN, regions.community());

        assertThat(mvc.put().uri("/api/v1/admin/services/" + service).header("Authorization", stranger.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(serviceJson("改掉", 9))).hasStatus(HttpStatus.FORBIDDEN);

        assertThat(jdbc.queryForObject("select name from booking_service where id = ?", String.class, service))
                .isEqualTo("义务理发");
    }

    @Test
    void aChangeWithoutADescriptionClearsItAndKeepsTheExceptionsItSends() {
        MvcTestResult created = mvc.post().uri("/api/v1/staff/stations/" + station + "/services")
                .header("Authorization", staff.bearer()).contentType(MediaType.APPLICATION_JSON)
                .content(serviceJson("法律咨询", 2).replace("\"audience\"",
                        "\"description\":\"律师坐诊\",\"exceptions\":[{\"date\":\"2026-12-04\",\"closed\":true}],\"audience\""))
                .exchange();
        long service = id(created);
        assertThat(Http.<String>read(created, "$.data.description")).isEqualTo("律师坐诊");

        assertThat(mvc.put().uri("/api/v1/staff/services/" + service).header("Authorization", staff.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(serviceJson("法律咨询", 2))).hasStatusOk();

        MvcTestResult read = mvc.get().uri("/api/v1/services/" + service).exchange();
        assertThat(Http.<Object>read(read, "$.data.description")).isNull();
        assertThat(jdbc.queryForObject("select description from booking_service where id = ?", String.class, service))
                .isNull();
        assertThat(Http.<List<Object>>read(read, "$.data.exceptions")).as("the change sent none").isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from booking_service_exception where service_id = ?",
                Integer.class, service)).isZero();
    }

    private static String serviceJson(String name, int capacity) {
        return """
                {"name":"%s","kind":"SERVICE","capacity":%d,"slotMinutes":60,"weeklySchedule":[%s],"horizonDays":7,
                 "minNoticeMinutes":30,"cancelDeadlineMinutes":60,"weeklyLimit":2,"audience":"RESIDENTS"}
                """.formatted(name, capacity, everyDay("09:00", "17:00"));
    }

    private int capacity(long slotId) {
        return jdbc.queryForObject("select capacity from booking_slot where id = ?", Integer.class, slotId);
    }

    private List<String> auditActions(SignedIn actor) {
        return jdbc.queryForList("select action from audit_log where actor_id = ?", String.class, actor.id());
    }
}
