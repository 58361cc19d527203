package cn.doorstep.station;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.common.Role;
import cn.doorstep.station.hours.HolidayCalendar;
import cn.doorstep.station.hours.HolidayPolicy;
import cn.doorstep.station.hours.WeeklyRule;
import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.MutableClock;
import cn.doorstep.support.TestPlaces;
import cn.doorstep.support.TestRegions;
import cn.doorstep.support.TestStations;
import cn.doorstep.support.TestUsers.SignedIn;
import cn.doorstep.support.TestUsers;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The seeded 2026 calendar and admins' corrections bend the hours of stations that follow it. */
@IntegrationTest
class HolidayCalendarTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestUsers users;
    @Autowired
    TestRegions regions;
    @Autowired
    TestStations stations;
    @Autowired
    MutableClock clock;
    @Autowired
    StringRedisTemplate redis;

    double lat;
    double lng;
    StationDetail weekdayStation;
    SignedIn admin;
    SignedIn platform;

    @BeforeEach
    void setUp() {
        var place = TestPlaces.next();
        lat = place.lat();
        lng = place.lng();
        long community = regions.community();
        admin = users.with(Role.ADMIN, community);
        platform = users.with(Role.PLATFORM);
        var weekdays = new java.util.ArrayList<WeeklyRule>();
        for (int d = 1; d <= 5; d++) {
            weekdays.add(new WeeklyRule(d, "09:00", "17:00"));
        }
        weekdayStation = stations.at(community, lat, lng).hours(weekdays, HolidayPolicy.FOLLOW_CALENDAR).create();
    }

    @AfterEach
    void resetClock() {
        clock.set(Instant.now());
    }

    @Test
    void theSeededNationalDayHolidayClosesAWeekdayStation() {
        clock.set(Instant.parse("2026-10-01T02:00:00Z")); // Thursday 10:00, 国庆节
        assertThat(openNow()).isEmpty();
    }

    @Test
    void theSeededMakeUpSaturdayOpensIt() {
        clock.set(Instant.parse("2026-10-10T02:00:00Z")); // Saturday 10:00, 国庆节调休
        assertThat(openNow()).containsExactly(weekdayStation.id());
    }

    @Test
    void aPlatformAdminsNewHolidayTakesEffectAtOnce() {
        clock.set(Instant.parse("2026-12-07T02:00:00Z")); // Monday 10:00
        assertThat(openNow()).containsExactly(weekdayStation.id());

        assertThat(mvc.put().uri("/api/v1/admin/holidays/2026-12-07").header("Authorization", platform.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"HOLIDAY\",\"name\":\"冰雪节\"}")).hasStatusOk();
        assertThat(openNow()).isEmpty();
        assertThat(mvc.get().uri("/api/v1/admin/holidays?year=2026").header("Authorization", admin.bearer()))
                .bodyJson().extractingPath("$.data[?(@.date=='2026-12-07')].name").asArray().containsExactly("冰雪节");

        assertThat(mvc.delete().uri("/api/v1/admin/holidays/2026-12-07").header("Authorization", platform.bearer()))
                .hasStatusOk();
        assertThat(openNow()).containsExactly(weekdayStation.id());
    }

    @Test
    void aCommunityAdminCannotChangeTheNationalCalendar() {
        assertThat(mvc.put().uri("/api/v1/admin/holidays/2026-12-08").header("Authorization", admin.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"HOLIDAY\",\"name\":\"冰雪节\"}"))
                .hasStatus(org.springframework.http.HttpStatus.FORBIDDEN);
        assertThat(mvc.delete().uri("/api/v1/admin/holidays/2026-10-01").header("Authorization", admin.bearer()))
                .hasStatus(org.springframework.http.HttpStatus.FORBIDDEN);

        assertThat(mvc.get().uri("/api/v1/admin/holidays?year=2026").header("Authorization", admin.bearer()))
                .bodyJson().extractingPath("$.data[*].date").asArray()
                .doesNotContain("2026-12-08").contains("2026-10-01");
    }

    @Test
    void theCalendarSurvivesRedisLosingIt() {
        redis.delete(HolidayCalendar.KEY);
        clock.set(Instant.parse("2026-10-01T02:00:00Z"));
        assertThat(openNow()).isEmpty();
    }

    @Test
    void listsAYear() {
        assertThat(mvc.get().uri("/api/v1/admin/holidays?year=2026").header("Authorization", admin.bearer()))
                .hasStatusOk().bodyJson().extractingPath("$.data[?(@.kind=='WORKDAY')].date").asArray()
                .contains("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10");
    }

    /** 2035 and 2036: years no other test enters, so the warning depends on this test alone. */
    @Test
    void fromNovemberAMissingNextYearIsAWarningInTheHealthDetailUntilItIsEntered() {
        clock.set(Instant.parse("2035-10-15T02:00:00Z"));
        assertThat(calendarHealth()).hasStatusOk().bodyJson().extractingPath("$.components.holidayCalendar.details.warning").asString()
                .contains("2035", "PUT /api/v1/admin/holidays/{date}");
        setHoliday("2035-01-01");
        assertThat(calendarHealth()).bodyJson().doesNotHavePath("$.components.holidayCalendar.details.warning");
        assertThat(calendarHealth()).bodyJson().extractingPath("$.components.holidayCalendar.details.thisYearEntered").isEqualTo(true);

        clock.set(Instant.parse("2035-10-31T15:59:00Z")); // 23:59 on 31 October in China: not yet
        assertThat(calendarHealth()).bodyJson().doesNotHavePath("$.components.holidayCalendar.details.warning");
        clock.set(Instant.parse("2035-10-31T16:00:00Z")); // 00:00 on 1 November in China
        assertThat(calendarHealth()).hasStatusOk().bodyJson().extractingPath("$.components.holidayCalendar.details.warning").asString()
                .contains("2036");
        assertThat(mvc.get().uri("/actuator/health/calendar")).bodyJson().extractingPath("$.status").isEqualTo("UP");

        setHoliday("2036-01-01");
        assertThat(calendarHealth()).bodyJson().doesNotHavePath("$.components.holidayCalendar.details.warning");
        assertThat(calendarHealth()).bodyJson().extractingPath("$.components.holidayCalendar.details.nextYearEntered").isEqualTo(true);

        SignedIn cityAdmin = users.with(Role.PLATFORM);
        for (String date : List.of("2035-01-01", "2036-01-01")) {
            assertThat(mvc.delete().uri("/api/v1/admin/holidays/" + date).header("Authorization", cityAdmin.bearer()))
                    .hasStatusOk();
        }
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult calendarHealth() {
        return mvc.get().uri("/actuator/health/calendar").exchange();
    }

    /** By a platform admin signed in now (a session from before the clock moved years ahead has ended). */
    private void setHoliday(String date) {
        SignedIn cityAdmin = users.with(Role.PLATFORM);
        assertThat(mvc.put().uri("/api/v1/admin/holidays/" + date).header("Authorization", cityAdmin.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"HOLIDAY\",\"name\":\"元旦\"}"))
                .hasStatusOk();
    }

    private List<Long> openNow() {
        List<Number> ids = Http.read(mvc.get().uri("/api/v1/stations/nearby?radius=100&openNow=true&lat=" + lat
                + "&lng=" + lng).exchange(), "$.data.items[*].id");
        return ids.stream().map(Number::longValue).toList();
    }
}
