package cn.doorstep.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.booking.BookingTestSupport;
import cn.doorstep.station.StationKind;
import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.TestPlaces;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * What anyone reads of the schedule without signing in: one service, one activity, a station's page
 * with its services and next activities, and activities near a point by kind and date. Each answer is
 * compared with what was saved.
 */
@IntegrationTest
class ScheduleReadsTest extends BookingTestSupport {

    @BeforeEach
    void setUp() {
        setUpStation();
    }

    @Test
    void anyoneReadsAServiceWithItsScheduleAndRules() {
        long service = service(3, 90, 1);

        MvcTestResult read = mvc.get().uri("/api/v1/services/" + service).exchange();

        assertThat(read).hasStatusOk();
        assertThat(Http.<String>read(read, "$.data.name")).isEqualTo(jdbc.queryForObject(
                "select name from booking_service where id = ?", String.class, service)).isEqualTo("义务理发");
        assertThat(Http.<Integer>read(read, "$.data.stationId")).isEqualTo((int) station);
        assertThat(Http.<Integer>read(read, "$.data.capacity")).isEqualTo(3);
        assertThat(Http.<Integer>read(read, "$.data.cancelDeadlineMinutes")).isEqualTo(90);
        assertThat(Http.<Integer>read(read, "$.data.weeklyLimit")).isEqualTo(1);
        assertThat(Http.<List<String>>read(read, "$.data.weeklySchedule[*].opens")).hasSize(7).containsOnly("09:00");
    }

    @Test
    void anyoneReadsAnActivityWithItsKindAndTheSeatsLeftNow() {
        long activity = publish(station, "社区义剪", "HAIRCUT", "2026-12-05T09:00:00", 3);
        long slotId = ((Number) Http.read(mvc.get().uri("/api/v1/activities/" + activity).exchange(), "$.data.slotId"))
                .longValue();
        assertThat(book(users.resident(), "{\"activityId\":" + activity + "}", key())).hasStatusOk();

        MvcTestResult read = mvc.get().uri("/api/v1/activities/" + activity).exchange();

        assertThat(read).hasStatusOk();
        assertThat(Http.<String>read(read, "$.data.title")).isEqualTo("社区义剪");
        assertThat(Http.<String>read(read, "$.data.kind")).isEqualTo("HAIRCUT").isEqualTo(jdbc.queryForObject(
                "select kind from booking_activity where id = ?", String.class, activity));
        assertThat(Http.<Integer>read(read, "$.data.seatsLeft")).isEqualTo(2).isEqualTo(seatsLeftInMySql(slotId));
        assertThat(Http.<String>read(read, "$.data.status")).isEqualTo("OPEN");
        assertThat(Http.<String>read(read, "$.data.startsAt")).isEqualTo("2026-12-05T01:00:00Z");
        assertThat(Http.<Object>read(read, "$.data.ruleId")).isNull();
    }

    @Test
    void anActivityPublishedWithoutAKindIsOther() {
        long activity = activity(5, 0);

        assertThat(mvc.get().uri("/api/v1/activities/" + activity).exchange()).hasStatusOk()
                .bodyJson().extractingPath("$.data.kind").isEqualTo("OTHER");
        assertThat(jdbc.queryForObject("select kind from booking_activity where id = ?", String.class, activity))
                .isEqualTo("OTHER");
    }

    @Nested
    class NotFound {

        @Test
        void anUnknownServiceOrActivityIsNotFound() {
            assertThat(mvc.get().uri("/api/v1/services/999999999").exchange()).hasStatus(404)
                    .bodyJson().extractingPath("$.code").isEqualTo(50002);
            assertThat(mvc.get().uri("/api/v1/activities/999999999").exchange()).hasStatus(404)
                    .bodyJson().extractingPath("$.code").isEqualTo(50003);
        }

        @Test
        void anArchivedServiceIsNotFound() {
            long service = service(2);
            jdbc.update("update booking_service set status = 'ARCHIVED' where id = ?", service);

            assertThat(mvc.get().uri("/api/v1/services/" + service).exchange()).hasStatus(404)
                    .bodyJson().extractingPath("$.code").isEqualTo(50002);
        }

        @Test
        void theServicesAndActivitiesOfAClosedStationAreNotFoundAndItsPageOffersNothing() {
            long service = service(2);
            long activity = activity(5, 0);
            assertThat(mvc.post().uri("/api/v1/admin/stations/" + station + "/close")
                    .header("Authorization", admin.bearer()).exchange()).hasStatusOk();

            assertThat(mvc.get().uri("/api/v1/services/" + service).exchange()).hasStatus(404)
                    .bodyJson().extractingPath("$.code").isEqualTo(50002);
            assertThat(mvc.get().uri("/api/v1/activities/" + activity).exchange()).hasStatus(404)
                    .bodyJson().extractingPath("$.code").isEqualTo(50003);
            MvcTestResult page = mvc.get().uri("/api/v1/stations/" + station).exchange();
            assertThat(Http.<String>read(page, "$.data.station.status")).isEqualTo("CLOSED");
            assertThat(Http.<List<Object>>read(page, "$.data.services")).isEmpty();
            assertThat(Http.<List<Object>>read(page, "$.data.activities")).isEmpty();
        }
    }

    @Test
    void aStationsPageShowsItsServicesAndItsNextOpenActivitiesButNotACancelledOne() {
        long service = service(2);
        long later = publish(station, "防诈骗讲座", "LECTURE", "2026-12-06T14:00:00", 30);
        long sooner = publish(station, "社区义剪", "HAIRCUT", "2026-12-05T09:00:00", 3);
        long cancelled = publish(station, "暖新大集", "MARKET", "2026-12-04T09:00:00", 50);
        assertThat(mvc.post().uri("/api/v1/admin/slots/" + slotOf(cancelled) + "/close")
                .header("Authorization", admin.bearer()).exchange()).hasStatusOk();

        MvcTestResult page = mvc.get().uri("/api/v1/stations/" + station).exchange();

        assertThat(page).hasStatusOk();
        assertThat(Http.<List<Integer>>read(page, "$.data.services[*].id")).containsExactly((int) service);
        assertThat(Http.<List<String>>read(page, "$.data.services[*].name")).containsExactly("义务理发");
        assertThat(Http.<List<Integer>>read(page, "$.data.activities[*].id")).containsExactly((int) sooner, (int) later);
        assertThat(Http.<List<String>>read(page, "$.data.activities[*].kind")).containsExactly("HAIRCUT", "LECTURE");
        assertThat(Http.<List<Integer>>read(page, "$.data.activities[*].seatsLeft")).containsExactly(3, 30);
    }

    @Nested
    class Near {

        long near;
        long nearby;
        long far;
        TestPlaces.Place here;

        @BeforeEach
        void stations() {
            here = TestPlaces.next();
            near = stations.at(community, here.lat(), here.lng()).named("近站").kinds(StationKind.SERVICE).create().id();
            // about 1.1 km north, and about 11 km north
            nearby = stations.at(community, here.lat() + 0.01, here.lng()).named("邻站").kinds(StationKind.WARM)
                    .create().id();
            far = stations.at(community, here.lat() + 0.1, here.lng()).named("远站").kinds(StationKind.SERVICE)
                    .create().id();
        }

        @Test
        void activitiesNearAPointAreThoseOfTheStationsWithinTheRadiusSoonestFirstWithTheirDistance() {
            long haircut = publish(near, "社区义剪", "HAIRCUT", "2026-12-05T09:00:00", 3);
            long market = publish(nearby, "暖新大集", "MARKET", "2026-12-04T09:00:00", 50);
            publish(far, "远处义剪", "HAIRCUT", "2026-12-04T10:00:00", 3);

            MvcTestResult found = near("radius=3000");

            assertThat(found).hasStatusOk();
            assertThat(Http.<List<Integer>>read(found, "$.data.items[*].activity.id"))
                    .containsExactly((int) market, (int) haircut);
            assertThat(Http.<List<String>>read(found, "$.data.items[*].stationName")).containsExactly("邻站", "近站");
            assertThat(Http.<List<Integer>>read(found, "$.data.items[*].distance").get(0)).isBetween(1000, 1250);
            assertThat(Http.<List<Integer>>read(found, "$.data.items[*].distance").get(1)).isLessThan(5);
            assertThat(Http.<Integer>read(found, "$.data.total")).isEqualTo(2);
            assertThat(Http.<List<Integer>>read(near("radius=20000"), "$.data.items[*].activity.stationId"))
                    .as("the far station comes in with the radius").contains((int) far);
        }

        @Test
        void activitiesNearAPointAreFilteredByKindAndByTheDateTheyStartOn() {
            long haircut = publish(near, "社区义剪", "HAIRCUT", "2026-12-05T09:00:00", 3);
            long market = publish(nearby, "暖新大集", "MARKET", "2026-12-04T09:00:00", 50);
            long lateHaircut = publish(nearby, "夜间义剪", "HAIRCUT", "2026-12-04T23:30:00", 3);

            assertThat(Http.<List<Integer>>read(near("kind=HAIRCUT"), "$.data.items[*].activity.id"))
                    .containsExactly((int) lateHaircut, (int) haircut);
            assertThat(Http.<List<Integer>>read(near("date=2026-12-04"), "$.data.items[*].activity.id"))
                    .as("a China date: 23:30 on the 4th is still the 4th").containsExactly((int) market, (int) lateHaircut);
            assertThat(Http.<List<Integer>>read(near("kind=HAIRCUT&date=2026-12-05"), "$.data.items[*].activity.id"))
                    .containsExactly((int) haircut);
            assertThat(Http.<Integer>read(near("kind=CLINIC"), "$.data.total")).isZero();
        }

        @Test
        void activitiesNearAPointLeaveOutCancelledAndEndedOnesAndArePaged() {
            long first = publish(near, "第一场", "LECTURE", "2026-12-03T09:00:00", 10);
            long second = publish(near, "第二场", "LECTURE", "2026-12-04T09:00:00", 10);
            long third = publish(near, "第三场", "LECTURE", "2026-12-05T09:00:00", 10);
            long cancelled = publish(near, "取消的", "LECTURE", "2026-12-03T15:00:00", 10);
            assertThat(mvc.post().uri("/api/v1/admin/slots/" + slotOf(cancelled) + "/close")
                    .header("Authorization", admin.bearer()).exchange()).hasStatusOk();

            MvcTestResult page = near("page=2&size=2");
            assertThat(Http.<Integer>read(page, "$.data.total")).isEqualTo(3);
            assertThat(Http.<List<Integer>>read(page, "$.data.items[*].activity.id")).containsExactly((int) third);

            clock.set(java.time.Instant.parse("2026-12-03T03:00:01Z")); // 11:00:01 China: the first has ended
            assertThat(Http.<List<Integer>>read(near("size=10"), "$.data.items[*].activity.id"))
                    .containsExactly((int) second, (int) third);
            assertThat(jdbc.queryForObject("select count(*) from booking_activity where id = ?", Integer.class, first))
                    .as("ended, not gone").isEqualTo(1);
        }

        @Test
        void aPointOutsideChinaOrABadRadiusOrKindIsRefusedNamingTheField() {
            for (String bad : List.of("lat=1&lng=126.5", "lat=43.8", "lat=43.8&lng=126.5&radius=30000",
                    "lat=43.8&lng=126.5&kind=DANCE", "lat=43.8&lng=126.5&date=tomorrow")) {
                assertThat(mvc.get().uri("/api/v1/activities?" + bad).exchange()).as(bad).hasStatus(400)
                        .bodyJson().extractingPath("$.code").isEqualTo(10000);
            }
        }

        private MvcTestResult near(String query) {
            return mvc.get().uri("/api/v1/activities?lat=" + here.lat() + "&lng=" + here.lng() + "&" + query).exchange();
        }
    }

    /** Publishes an activity at a station of the test's community (its admin), 2 hours long. */
    private long publish(long stationId, String title, String kind, String startsAt, int capacity) {
        String endsAt = java.time.LocalDateTime.parse(startsAt).plusHours(2).toString();
        MvcTestResult reply = mvc.post().uri("/api/v1/admin/stations/" + stationId + "/activities")
                .header("Authorization", admin.bearer()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"title":"%s","kind":"%s","place":"服务站","startsAt":"%s","endsAt":"%s","capacity":%d}
                        """.formatted(title, kind, startsAt, endsAt.length() == 16 ? endsAt + ":00" : endsAt, capacity))
                .exchange();
        assertThat(reply).hasStatusOk();
        return id(reply);
    }

    private long slotOf(long activity) {
        return jdbc.queryForObject("select id from booking_slot where activity_id = ?", Long.class, activity);
    }
}
