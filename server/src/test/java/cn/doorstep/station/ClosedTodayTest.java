package cn.doorstep.station;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.common.Role;
import cn.doorstep.station.hours.HolidayPolicy;
import cn.doorstep.station.hours.WeeklyRule;
import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.MutableClock;
import cn.doorstep.support.TestPlaces;
import cn.doorstep.support.TestRegions;
import cn.doorstep.support.TestStations;
import cn.doorstep.support.TestUsers;
import cn.doorstep.support.TestUsers.SignedIn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * A staff "closed today" on an evening station (20:00–02:00) lasts through the small hours and no
 * longer, on the map filter, the map items and the station page alike. The clocks are set where
 * China's date is a day ahead of UTC's.
 */
@IntegrationTest
class ClosedTodayTest {

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

    double lat;
    double lng;
    StationDetail evening;
    SignedIn staff;

    @BeforeEach
    void anEveningStation() {
        var place = TestPlaces.next();
        lat = place.lat();
        lng = place.lng();
        var rules = new ArrayList<WeeklyRule>();
        for (int d = 1; d <= 7; d++) {
            rules.add(new WeeklyRule(d, "20:00", "02:00"));
        }
        evening = stations.at(regions.community(), lat, lng).hours(rules, HolidayPolicy.IGNORE_CALENDAR).create();
        staff = users.with(Role.STAFF, evening.id());
        clock.set(Instant.parse("2026-12-01T13:00:00Z")); // Tuesday 21:00 in China
        assertThat(mvc.put().uri("/api/v1/staff/stations/" + evening.id() + "/live-status")
                .header("Authorization", staff.bearer()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\":\"CLOSED_TODAY\",\"note\":\"暖气检修\"}")).hasStatusOk();
    }

    @AfterEach
    void resetClock() {
        clock.set(Instant.now());
    }

    @Test
    void staysClosedAfterMidnightWhileUtcIsStillOnTheDayBefore() {
        clock.set(Instant.parse("2026-12-01T17:30:00Z")); // Wednesday 01:30 in China, Tuesday in UTC

        assertThat(openNowIds()).doesNotContain(evening.id());
        MvcTestResult all = nearby("");
        assertThat(all).bodyJson().extractingPath("$.data.items[0].openNow").isEqualTo(false);
        assertThat(all).bodyJson().extractingPath("$.data.items[0].liveStatus").isEqualTo("CLOSED_TODAY");
        assertThat(all).bodyJson().extractingPath("$.data.items[0].liveNote").isEqualTo("暖气检修");
        MvcTestResult page = mvc.get().uri("/api/v1/stations/" + evening.id()).exchange();
        assertThat(page).bodyJson().extractingPath("$.data.openNow").isEqualTo(false);
        assertThat(page).bodyJson().extractingPath("$.data.station.liveStatus").isEqualTo("CLOSED_TODAY");
    }

    @Test
    void theNextEveningItIsOpenAndTheLabelIsGone() {
        clock.set(Instant.parse("2026-12-02T12:30:00Z")); // Wednesday 20:30 in China

        assertThat(openNowIds()).containsExactly(evening.id());
        MvcTestResult all = nearby("");
        assertThat(all).bodyJson().extractingPath("$.data.items[0].openNow").isEqualTo(true);
        assertThat(all).bodyJson().extractingPath("$.data.items[0].liveStatus").isEqualTo("OPEN");
        assertThat(all).bodyJson().extractingPath("$.data.items[0].liveNote").isNull();
        MvcTestResult page = mvc.get().uri("/api/v1/stations/" + evening.id()).exchange();
        assertThat(page).bodyJson().extractingPath("$.data.openNow").isEqualTo(true);
        assertThat(page).bodyJson().extractingPath("$.data.station.liveStatus").isEqualTo("OPEN");
    }

    @Test
    void theLabelLapsesWhenTheSmallHoursEnd() {
        clock.set(Instant.parse("2026-12-01T18:00:00Z")); // Wednesday 02:00 in China: the evening is over

        assertThat(nearby("")).bodyJson().extractingPath("$.data.items[0].liveStatus").isEqualTo("OPEN");
        assertThat(nearby("")).bodyJson().extractingPath("$.data.items[0].openNow").isEqualTo(false);
    }

    private List<Long> openNowIds() {
        List<Number> ids = Http.read(nearby("openNow=true"), "$.data.items[*].id");
        return ids.stream().map(Number::longValue).toList();
    }

    private MvcTestResult nearby(String extra) {
        return mvc.get().uri("/api/v1/stations/nearby?radius=100&lat=" + lat + "&lng=" + lng
                + (extra.isEmpty() ? "" : "&" + extra)).exchange();
    }
}
