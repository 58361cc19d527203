package cn.doorstep.common;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.station.StationKind;
import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.MutableClock;
import cn.doorstep.support.TestRegions;
import cn.doorstep.support.TestStations;
import cn.doorstep.support.TestUsers;
import cn.doorstep.support.TestUsers.SignedIn;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Every date and time the API takes — query parameters, path variables, JSON bodies — outside the years
 * 1900-9999 is the caller's 400 naming it, never a 500 from the database; the last day of 9999 still
 * passes. One case per place a date is accepted.
 */
@IntegrationTest
class FarFutureDatesTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestUsers users;
    @Autowired
    TestRegions regions;
    @Autowired
    TestStations stations;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;

    Map<String, String> ids;
    Map<String, SignedIn> people;

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-12-02T00:00:00Z"));
        long community = regions.community();
        long station = stations.at(community, 43.86, 126.58).kinds(StationKind.SERVICE).create().id();
        SignedIn staff = users.with(Role.STAFF, station);
        SignedIn admin = users.with(Role.ADMIN, community);
        people = Map.of("staff", staff, "admin", admin, "platform", users.with(Role.PLATFORM), "resident", users.resident());
        MvcTestResult service = mvc.post().uri("/api/v1/staff/stations/" + station + "/services")
                .header("Authorization", staff.bearer()).contentType(MediaType.APPLICATION_JSON).content(service("2026-12-24"))
                .exchange();
        assertThat(service).hasStatusOk();
        MvcTestResult reward = mvc.post().uri("/api/v1/admin/rewards").header("Authorization", admin.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(reward(station, "2027-01-01T00:00:00Z")).exchange();
        assertThat(reward).hasStatusOk();
        ids = Map.of("station", Long.toString(station), "service", id(service), "reward", id(reward));
    }

    @AfterEach
    void resetClockAndCalendar() {
        clock.set(Instant.now());
        jdbc.update("delete from public_holiday where day = '9999-12-31'"); // the last-day case may have set one
    }

    /** who, method, path, body, the field the 400 names; {D}, {T} and {I} stand for a date, local date-time, instant. */
    static Stream<Arguments> placesThatTakeADate() {
        return Stream.of(
                Arguments.of("resident", "GET", "/api/v1/services/{service}/slots?date={D}", null, "date"),
                Arguments.of("staff", "GET", "/api/v1/staff/bookings?date={D}", null, "date"),
                Arguments.of("admin", "PUT", "/api/v1/admin/stations/{station}/hours/exceptions/{D}",
                        "{\"closed\":true}", "date"),
                Arguments.of("admin", "DELETE", "/api/v1/admin/stations/{station}/hours/exceptions/{D}", null, "date"),
                Arguments.of("platform", "PUT", "/api/v1/admin/holidays/{D}", "{\"kind\":\"HOLIDAY\",\"name\":\"远\"}",
                        "date"),
                Arguments.of("platform", "DELETE", "/api/v1/admin/holidays/{D}", null, "date"),
                Arguments.of("staff", "POST", "/api/v1/staff/stations/{station}/activities", """
                        {"title":"远方的活动","place":"广场","startsAt":"{T}","endsAt":"2026-12-06T11:00:00","capacity":5,
                         "audience":"ALL","points":0}""", "startsAt"),
                Arguments.of("staff", "POST", "/api/v1/staff/services/{service}/slots", "{\"startsAt\":\"{T}\"}",
                        "startsAt"),
                Arguments.of("staff", "POST", "/api/v1/staff/stations/{station}/services", service("{D}"),
                        "exceptions[0].date"),
                Arguments.of("staff", "PUT", "/api/v1/staff/services/{service}", service("{D}"), "exceptions[0].date"),
                Arguments.of("resident", "POST", "/api/v1/points/statements", "{\"from\":\"2026-11-01\",\"to\":\"{D}\"}",
                        "to"),
                Arguments.of("admin", "POST", "/api/v1/admin/rewards", reward("{station}", "{I}"), "availableUntil"),
                Arguments.of("admin", "PUT", "/api/v1/admin/rewards/{reward}", reward("{station}", "{I}")
                        .replace("\"stock\":3,", ""), "availableUntil"));
    }

    @ParameterizedTest(name = "{1} {2}")
    @MethodSource("placesThatTakeADate")
    void aDateInTheYear10000Is400NamingItAndChangesNothing(String who, String method, String path, String body,
                                                          String field) {
        var far = List.of(Map.of("{D}", "+10000-01-01", "{T}", "+10000-01-01T09:00:00", "{I}", "\"+10000-01-01T00:00:00Z\""),
                Map.of("{D}", "10000-01-01", "{T}", "10000-01-01T09:00:00", "{I}", "\"10000-01-01T00:00:00Z\""),
                Map.of("{D}", "-0001-01-01", "{T}", "0000-01-01T09:00:00", "{I}", "253402300800"));
        for (Map<String, String> dates : far) {
            List<String> before = saved();

            MvcTestResult reply = send(who, method, fill(path, dates, false), body == null ? null : fill(body, dates, true));

            assertThat(reply).as("%s", dates).hasStatus(400).bodyJson().extractingPath("$.code").isEqualTo(10000);
            assertThat(Http.<String>read(reply, "$.data.errors[0].field")).as("%s", dates).isEqualTo(field);
            assertThat(saved()).as("%s changed nothing", dates).isEqualTo(before);
        }
        var last = Map.of("{D}", "9999-12-31", "{T}", "9999-12-31T09:00:00", "{I}", "\"9999-12-31T00:00:00Z\"");
        MvcTestResult lastDay = send(who, method, fill(path, last, false), body == null ? null : fill(body, last, true));
        assertThat(lastDay.getResponse().getStatus()).as("the last day of 9999: answered, %s", Http.body(lastDay))
                .isLessThan(500);
    }

    MvcTestResult send(String who, String method, String path, String body) {
        // a URI as is: a '+' in a query must arrive encoded (%2B), as a phone sends it
        var request = mvc.method(HttpMethod.valueOf(method)).uri(URI.create(path))
                .header("Authorization", people.get(who).bearer());
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return request.exchange();
    }

    String fill(String template, Map<String, String> dates, boolean json) {
        String filled = template;
        for (var id : ids.entrySet()) {
            filled = filled.replace("{" + id.getKey() + "}", id.getValue());
        }
        for (var date : dates.entrySet()) {
            // an instant is quoted in its value (or a number); in a URL nothing is quoted
            filled = filled.replace(date.getKey(), json || !date.getValue().startsWith("\"") ? date.getValue()
                    : date.getValue().substring(1, date.getValue().length() - 1));
        }
        return filled.replace("+", json ? "+" : "%2B");
    }

    /** What a refused request must leave as it was: the test's station's rows, the calendar, the resident's statements. */
    List<String> saved() {
        String station = ids.get("station");
        var saved = new ArrayList<String>();
        for (String sql : List.of(
                "select count(*) from station_hours_exception where station_id = " + station,
                "select count(*) from public_holiday",
                "select group_concat(concat(id, ' ', name) order by id) from booking_service where station_id = " + station,
                "select group_concat(e.on_date order by e.on_date) from booking_service_exception e "
                        + "join booking_service s on s.id = e.service_id where s.station_id = " + station,
                "select count(*) from booking_activity where station_id = " + station,
                "select count(*) from booking_slot where station_id = " + station,
                "select count(*) from points_statement where user_id = " + people.get("resident").id(),
                "select group_concat(concat(id, ' ', coalesce(available_until, '-')) order by id) from reward "
                        + "where station_id = " + station)) {
            saved.add(sql + " -> " + jdbc.queryForObject(sql, String.class));
        }
        return saved;
    }

    static String service(String exceptionDate) {
        return """
                {"name":"远期服务","kind":"SERVICE","capacity":2,"slotMinutes":60,
                 "weeklySchedule":[{"day":1,"opens":"09:00","closes":"10:00"}],
                 "exceptions":[{"date":"%s","closed":true}]}""".formatted(exceptionDate);
    }

    static String reward(Object station, String availableUntil) {
        String until = availableUntil.startsWith("{") || availableUntil.startsWith("\"") ? availableUntil
                : "\"" + availableUntil + "\"";
        return """
                {"stationId":%s,"kind":"GOODS","name":"雨伞","pointsPrice":30,"stock":3,"availableUntil":%s}"""
                .formatted(station, until);
    }

    static String id(MvcTestResult reply) {
        return String.valueOf(((Number) Http.read(reply, "$.data.id")).longValue());
    }
}
