package cn.doorstep.booking;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.SqlStatements;
import cn.doorstep.support.TestUsers.SignedIn;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The booking feature's lists read their related data (slots, services, activities, people, places in
 * line) in one statement per kind, not one per row: a list of six runs the statements a list of one
 * does. And each is paged.
 */
@IntegrationTest
class BookingListsTest extends BookingTestSupport {

    /** The day {@link #activity} takes place on; services' slots are booked on it too. */
    static final LocalDate ACTIVITY_DAY = LocalDate.of(2026, 12, 5);

    @Autowired
    SqlStatements sql;

    @BeforeEach
    void setUp() {
        setUpStation();
    }

    @Test
    void theStaffsDayListRunsAsManyStatementsForSevenBookingsAsForTwoAndIsPaged() {
        long service = service(10, 60, 20);
        long activity = activity(10, 0);
        assertThat(book(users.resident(), slot(service, ACTIVITY_DAY, 0))).hasStatusOk();
        assertThat(book(users.resident(), "{\"activityId\":" + activity + "}", key())).hasStatusOk();
        String day = "/api/v1/staff/bookings?date=" + ACTIVITY_DAY;
        List<String> two = statementsOf(day, staff);

        for (int i = 1; i <= 4; i++) {
            assertThat(book(users.resident(), slot(service, ACTIVITY_DAY, i))).hasStatusOk();
        }
        assertThat(book(users.resident(), "{\"activityId\":" + activity + "}", key())).hasStatusOk();
        List<String> seven = statementsOf(day, staff);

        assertThat(seven).as("2 bookings: %s%n7 bookings: %s", two, seven).hasSameSizeAs(two);
        MvcTestResult first = get(day + "&size=5", staff);
        assertThat(Http.<Integer>read(first, "$.data.total")).isEqualTo(7);
        // by start: the 09:00 slot and the 09:00 activity's two, then the 10:00 and 11:00 slots
        assertThat(Http.<List<String>>read(first, "$.data.items[*].title")).containsExactly("义务理发", "暖新大集",
                "暖新大集", "义务理发", "义务理发");
        assertThat(Http.<List<Object>>read(get(day + "&page=2&size=5", staff), "$.data.items[*].userId")).hasSize(2)
                .doesNotContainNull();
    }

    @Test
    void myBookingsRunAsManyStatementsForSixAsForTwo() {
        long service = service(10, 60, 20);
        long activity = activity(10, 0);
        SignedIn me = users.resident();
        assertThat(book(me, slot(service, TOMORROW, 0))).hasStatusOk();
        assertThat(book(me, "{\"activityId\":" + activity + "}", key())).hasStatusOk();
        List<String> two = statementsOf("/api/v1/bookings/mine", me);

        for (int i = 1; i <= 4; i++) {
            assertThat(book(me, slot(service, TOMORROW, i))).hasStatusOk();
        }
        List<String> six = statementsOf("/api/v1/bookings/mine", me);

        assertThat(six).as("2 bookings: %s%n6 bookings: %s", two, six).hasSameSizeAs(two);
        MvcTestResult mine = get("/api/v1/bookings/mine", me);
        assertThat(Http.<Integer>read(mine, "$.data.total")).isEqualTo(6);
        assertThat(Http.<List<String>>read(mine, "$.data.items[*].title")).containsExactly("暖新大集", "义务理发",
                "义务理发", "义务理发", "义务理发", "义务理发");
    }

    @Test
    void myWaitlistRunsAsManyStatementsForSixPlacesAsForOneAndIsPaged() {
        long service = service(1, 60, 20);
        SignedIn me = users.resident();
        SignedIn ahead = users.resident();
        for (int i = 0; i < 6; i++) {
            assertThat(book(users.resident(), slot(service, TOMORROW, i))).hasStatusOk(); // full now
        }
        assertThat(joinWaitlist(me, slot(service, TOMORROW, 0))).hasStatusOk();
        List<String> one = statementsOf("/api/v1/waitlist/mine", me);

        assertThat(joinWaitlist(ahead, slot(service, TOMORROW, 1))).hasStatusOk();
        for (int i = 1; i < 6; i++) {
            assertThat(joinWaitlist(me, slot(service, TOMORROW, i))).hasStatusOk();
        }
        List<String> six = statementsOf("/api/v1/waitlist/mine", me);

        assertThat(six).as("1 place: %s%n6 places: %s", one, six).hasSameSizeAs(one);
        MvcTestResult page = get("/api/v1/waitlist/mine?page=2&size=4", me);
        assertThat(Http.<Integer>read(page, "$.data.total")).isEqualTo(6);
        // newest first: the places in slots 1 and 0, one behind another user in slot 1
        assertThat(Http.<List<Integer>>read(page, "$.data.items[*].position")).containsExactly(1, 0);
        assertThat(Http.<List<String>>read(page, "$.data.items[*].status")).containsOnly("WAITING");
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
