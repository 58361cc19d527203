package cn.doorstep.people;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.booking.BookingTestSupport;
import cn.doorstep.common.Role;
import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.TestUsers.SignedIn;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * A resident without WeChat, registered by their grid head, is booked for and checked in like anyone:
 * the booking is theirs, and nobody else's grid head reaches them.
 */
@IntegrationTest
class OfflineResidentsTest extends BookingTestSupport {

    /** BookingTestSupport's clock stands at 08:00 China time on this day: its 09:00 slot is an hour away. */
    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    long grid;
    SignedIn head;

    @BeforeEach
    void setUp() {
        setUpStation();
        grid = grid("一网格");
        head = users.with(Role.GRID_HEAD, grid);
    }

    @Test
    void aGridHeadRegistersAResidentWithoutWeChatBooksForThemAndStaffCheckThemInByName() {
        MvcTestResult registered = register(head, grid, "孙奶奶", "3栋2单元401");
        assertThat(registered).hasStatusOk();
        long resident = ((Number) Http.read(registered, "$.data.id")).longValue();

        Map<String, Object> row = jdbc.queryForMap("select openid, nickname, door, community_id, grid_id, registered_by, "
                + "phone from app_user where id = ?", resident);
        assertThat((String) row.get("openid")).startsWith("offline:");
        assertThat(row.get("nickname")).isEqualTo("孙奶奶");
        assertThat(row.get("door")).isEqualTo("3栋2单元401");
        assertThat(row.get("community_id")).isEqualTo(community);
        assertThat(row.get("grid_id")).isEqualTo(grid);
        assertThat(row.get("registered_by")).isEqualTo(head.id());
        assertThat(row.get("phone")).isNull();
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'user.register-offline' and "
                + "target_id = ? and actor_id = ? and community_id = ?", Integer.class, String.valueOf(resident), head.id(),
                community)).isEqualTo(1);
        MvcTestResult listed = get(head, "/api/v1/grid/residents");
        assertThat(Http.<List<String>>read(listed, "$.data.items[*].name")).containsExactly("孙奶奶");
        assertThat(Http.<List<String>>read(listed, "$.data.items[*].door")).containsExactly("3栋2单元401");

        long slot = slot(service(5), TODAY, 0);
        MvcTestResult booked = mvc.post().uri("/api/v1/grid/bookings").header("Authorization", head.bearer())
                .header("Idempotency-Key", key()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"residentId\":" + resident + ",\"slotId\":" + slot + "}").exchange();
        assertThat(booked).hasStatusOk();
        long booking = id(booked);
        assertThat(jdbc.queryForObject("select user_id from booking where id = ?", Long.class, booking)).isEqualTo(resident);

        MvcTestResult found = get(staff, "/api/v1/staff/bookings/lookup?stationId=" + station + "&q=孙奶奶");
        assertThat(Http.<List<Number>>read(found, "$.data.items[*].bookingId")).extracting(Number::longValue)
                .containsExactly(booking);
        assertThat(mvc.post().uri("/api/v1/staff/bookings/" + booking + "/check-in").header("Authorization", staff.bearer()))
                .hasStatusOk();
        assertThat(jdbc.queryForObject("select status from booking where id = ?", String.class, booking))
                .isEqualTo("CHECKED_IN");
    }

    @Test
    void anotherGridsHeadNeitherRegistersHereNorReachesTheResident() {
        long resident = ((Number) Http.read(register(head, grid, "孙奶奶", "3栋2单元401"), "$.data.id")).longValue();
        SignedIn stranger = users.with(Role.GRID_HEAD, grid("二网格"));

        assertThat(register(stranger, grid, "李爷爷", "5栋1单元101")).hasStatus(HttpStatus.FORBIDDEN)
                .bodyJson().extractingPath("$.code").isEqualTo(12003);
        assertThat(Http.<List<?>>read(get(stranger, "/api/v1/grid/residents?gridId=" + grid), "$.data.items")).isEmpty();
        long slot = slot(service(5), TOMORROW, 0);
        assertThat(mvc.post().uri("/api/v1/grid/bookings").header("Authorization", stranger.bearer())
                .header("Idempotency-Key", key()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"residentId\":" + resident + ",\"slotId\":" + slot + "}").exchange())
                .hasStatus(HttpStatus.NOT_FOUND).bodyJson().extractingPath("$.code").isEqualTo(50027);
        assertThat(jdbc.queryForObject("select count(*) from app_user where nickname = '李爷爷' and grid_id = ?",
                Integer.class, grid)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from booking where slot_id = ?", Integer.class, slot)).isZero();
    }

    @Test
    void aNameOrDoorMissingOrNotPlainTextIsRefusedNamingIt() {
        assertThat(register(head, grid, "", "3栋2单元401")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.data.errors[0].field").isEqualTo("name");
        assertThat(register(head, grid, "孙奶奶", "3栋\\u0000401")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.data.errors[0].field").isEqualTo("door");
        assertThat(jdbc.queryForObject("select count(*) from app_user where grid_id = ? and registered_by is not null",
                Integer.class, grid)).isZero();
    }

    private MvcTestResult register(SignedIn who, long gridId, String name, String door) {
        return mvc.post().uri("/api/v1/grid/residents").header("Authorization", who.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"gridId\":%d,\"name\":\"%s\",\"door\":\"%s\"}".formatted(gridId, name, door)).exchange();
    }

    private MvcTestResult get(SignedIn who, String uri) {
        return mvc.get().uri(uri).header("Authorization", who.bearer()).exchange();
    }

    private long grid(String name) {
        jdbc.update("insert into grid (community_id, name) values (?, ?)", community, name);
        return jdbc.queryForObject("select id from grid where community_id = ? and name = ?", Long.class, community, name);
    }
}
