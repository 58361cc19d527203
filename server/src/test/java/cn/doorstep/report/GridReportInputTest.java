package cn.doorstep.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Issue 17 §9: bad input to the grid's and the reporter's steps is a 400 in the one error shape, and stores nothing. */
@IntegrationTest
class GridReportInputTest extends GridReportTestSupport {

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-12-01T02:00:00Z"));
        setUpPeople();
    }

    @AfterEach
    void resetClock() {
        clock.set(Instant.now());
    }

    @Test
    void anEmptyResolutionNamesTheFieldAndStoresNothing() {
        long id = fileReport(reporter);

        assertBadField(resolve(admin, id, "   "), "text");
        assertThat(status(id)).isEqualTo("SUBMITTED");
        assertThat(steps(id, "RESOLVED") + steps(id, "ACCEPTED")).isZero();
    }

    @Test
    void tenPhotosAreTooMany() {
        long id = fileReport(reporter);
        String[] photos = Collections.nCopies(10, photoUrl(admin)).toArray(String[]::new);

        assertBadField(resolve(admin, id, "已处理", photos), "photos");
        assertThat(status(id)).isEqualTo("SUBMITTED");
        assertThat(jdbc.queryForObject("select count(*) from report_photo where report_id = ?", Integer.class, id)).isZero();
    }

    @Test
    void aPhotoFromElsewhereIsRefused() {
        long id = fileReport(reporter);
        ask(admin, id, "请补充照片");

        assertBadField(reply(reporter, id, "见图", "https://evil.example.com/track.jpg"), "photos[0]");
        assertThat(status(id)).isEqualTo("WAITING_REPORTER");
    }

    @Test
    void hugeStringsAreRefused() {
        long id = fileReport(reporter);

        assertBadField(ask(admin, id, "问".repeat(501)), "question");
        assertBadField(resolve(admin, id, "办".repeat(1001)), "text");
        assertThat(status(id)).isEqualTo("SUBMITTED");
        long resolved = resolvedReport();
        assertBadField(rate(reporter, resolved, true, "好".repeat(501)), "comment");
        assertThat(status(resolved)).isEqualTo("RESOLVED");
        assertBadField(post(admin, "/api/v1/admin/reports", hotline("张".repeat(33), "13912345678")), "callerName");
    }

    @Test
    void aHotlineReportOutsideChinaOrWithABadPhoneIsRefused() {
        assertBadField(post(admin, "/api/v1/admin/reports", hotline("张大爷", "13912345678").replace("\"lng\":126.5496",
                "\"lng\":-0.1276")), "lng");
        assertBadField(post(admin, "/api/v1/admin/reports", hotline("张大爷", "12345")), "callerPhone");
        assertBadField(post(admin, "/api/v1/admin/reports", hotline("", "13912345678")), "callerName");
        assertThat(jdbc.queryForObject("select count(*) from report where community_id = ?", Integer.class, community)).isZero();
    }

    @Test
    void unknownEnumValuesAreRefused() {
        var category = post(admin, "/api/v1/admin/reports", hotline("张大爷", "13912345678")
                .replace("\"HEATING\"", "\"UFO\""));
        assertThat(category).hasStatus(400);
        assertThat(Http.<Integer>read(category, "$.code")).isEqualTo(10000);
        for (String query : List.of("status=OPENISH", "level=CITY", "category=UFO", "overdue=maybe")) {
            var list = get(admin, "/api/v1/admin/reports?" + query);
            assertThat(list).as(query).hasStatus(400);
            assertThat(Http.<Integer>read(list, "$.code")).isEqualTo(10000);
        }
        long id = resolvedReport();
        var rating = post(reporter, "/api/v1/reports/" + id + "/rate", "{\"satisfied\":\"perhaps\"}");
        assertThat(rating).hasStatus(400);
        assertThat(Http.<Integer>read(rating, "$.code")).isEqualTo(10000);
        assertBadField(post(reporter, "/api/v1/reports/" + id + "/rate", "{\"comment\":\"好\"}"), "satisfied");
        assertThat(status(id)).isEqualTo("RESOLVED");
    }

    private String hotline(String callerName, String callerPhone) {
        return reportJson("HEATING", "12号楼暖气不热").replace("}",
                ",\"callerName\":\"%s\",\"callerPhone\":\"%s\"}".formatted(callerName, callerPhone));
    }

    private static void assertBadField(MvcTestResult reply, String field) {
        assertThat(reply).hasStatus(400);
        assertThat(Http.<Integer>read(reply, "$.code")).isEqualTo(10000);
        assertThat(Http.<List<String>>read(reply, "$.data.errors[*].field")).contains(field);
    }
}
