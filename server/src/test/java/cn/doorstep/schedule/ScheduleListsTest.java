package cn.doorstep.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.booking.BookingTestSupport;
import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.SqlStatements;
import cn.doorstep.support.TestUsers.SignedIn;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The schedule's lists (a station's services and activities) read their related data (exceptions,
 * slots) in one statement per kind, not one per row: a list of six runs the statements a list of one
 * does. And each is paged.
 */
@IntegrationTest
class ScheduleListsTest extends BookingTestSupport {

    @Autowired
    SqlStatements sql;

    @BeforeEach
    void setUp() {
        setUpStation();
    }

    @Test
    void aStationsActivitiesRunAsManyStatementsForSixAsForOneAndArePaged() {
        activity(10, 0);
        String uri = "/api/v1/stations/" + station + "/activities";
        List<String> one = statementsOf(uri, null);

        for (int i = 0; i < 5; i++) {
            activity(5 + i, 0);
        }
        List<String> six = statementsOf(uri, null);

        assertThat(six).as("1 activity: %s%n6 activities: %s", one, six).hasSameSizeAs(one);
        MvcTestResult page = get(uri + "?page=2&size=4", null);
        assertThat(Http.<Integer>read(page, "$.data.total")).isEqualTo(6);
        assertThat(Http.<List<Integer>>read(page, "$.data.items[*].seatsLeft")).containsExactly(8, 9);
    }

    @Test
    void aStationsServicesRunAsManyStatementsForSixAsForOneAndArePaged() {
        service(10);
        String uri = "/api/v1/stations/" + station + "/services";
        List<String> one = statementsOf(uri, null);

        for (int i = 0; i < 5; i++) {
            assertThat(mvc.post().uri("/api/v1/staff/stations/" + station + "/services")
                    .header("Authorization", staff.bearer()).contentType(MediaType.APPLICATION_JSON).content("""
                            {"name":"法律咨询%d","kind":"SERVICE","capacity":2,"slotMinutes":60,
                             "weeklySchedule":[{"day":1,"opens":"14:00","closes":"15:00"}],
                             "exceptions":[{"date":"2026-12-07","closed":true}]}
                            """.formatted(i))).hasStatusOk();
        }
        List<String> six = statementsOf(uri, null);

        assertThat(six).as("1 service: %s%n6 services: %s", one, six).hasSameSizeAs(one);
        MvcTestResult page = get(uri + "?page=2&size=4", null);
        assertThat(Http.<Integer>read(page, "$.data.total")).isEqualTo(6);
        assertThat(Http.<List<String>>read(page, "$.data.items[*].name")).containsExactly("法律咨询3", "法律咨询4");
        assertThat(Http.<List<String>>read(page, "$.data.items[*].exceptions[0].date"))
                .containsExactly("2026-12-07", "2026-12-07");
    }

    /** The statements of one GET, after a first call has put the caller's session and roles in Redis. */
    private List<String> statementsOf(String uri, SignedIn who) {
        assertThat(get(uri, who)).hasStatusOk();
        return sql.during(() -> assertThat(get(uri, who)).hasStatusOk());
    }

    private MvcTestResult get(String uri, SignedIn who) {
        var request = mvc.get().uri(uri);
        return (who == null ? request : request.header("Authorization", who.bearer())).exchange();
    }
}
