package cn.doorstep.schedule;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.booking.BookingTestSupport;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.TestServers;
import cn.doorstep.support.WeChatStubs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** An activity's title and description go through WeChat's text check as its publisher before anyone sees them. */
@IntegrationTest
class ActivityTextCheckTest extends BookingTestSupport {

    final WeChatStubs weChat = WeChatStubs.of(TestServers.get());

    @BeforeEach
    void setUp() {
        setUpStation();
        weChat.accessToken();
    }

    @AfterEach
    void passAgain() {
        weChat.contentCheck("pass"); // the next class's activities are not refused by what this one left
    }

    @Test
    void aRiskyActivityTitleIsRefusedAndNothingIsPublished() {
        weChat.contentCheck("risky");

        assertThat(publish("不当标题")).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY).bodyJson().satisfies(body -> {
            assertThat(body).extractingPath("$.code").isEqualTo(14009);
            assertThat(body).extractingPath("$.data.errors[0].field").isEqualTo("title");
        });

        assertThat(jdbc.queryForObject("select count(*) from booking_activity where station_id = ?", Integer.class,
                station)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from booking_slot where station_id = ?", Integer.class,
                station)).isZero();
        weChat.server().verify(postRequestedFor(urlPathEqualTo("/wxa/msg_sec_check"))
                .withRequestBody(matchingJsonPath("$.title", equalTo("不当标题")))
                .withRequestBody(matchingJsonPath("$.openid", equalTo(jdbc.queryForObject(
                        "select openid from app_user where id = ?", String.class, staff.id())))));
    }

    @Test
    void anActivityWeChatWantsAPersonForIsRefusedToo() {
        weChat.contentCheck("review");

        assertThat(publish("待审标题")).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY);

        assertThat(jdbc.queryForObject("select count(*) from booking_activity where station_id = ?", Integer.class,
                station)).isZero();
    }

    @Test
    void anActivityWeChatPassesIsPublished() {
        weChat.contentCheck("pass");

        assertThat(publish("亲子手工")).hasStatusOk();

        assertThat(jdbc.queryForObject("select title from booking_activity where station_id = ?", String.class, station))
                .isEqualTo("亲子手工");
    }

    @Test
    void aRepeatingActivityWithARiskyTitleIsRefusedAndMakesNoOccurrence() {
        weChat.contentCheck("risky");

        assertThat(mvc.post().uri("/api/v1/staff/stations/" + station + "/activity-rules")
                .header("Authorization", staff.bearer()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"title":"不当标题","kind":"HAIRCUT","place":"服务站一楼","frequency":"WEEKLY","dayOfWeek":6,
                         "startsAt":"09:00","endsAt":"11:00","horizonDays":14,"capacity":12,"points":5}
                        """)).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY).bodyJson().extractingPath("$.code").isEqualTo(14009);

        assertThat(jdbc.queryForObject("select count(*) from booking_activity_rule where station_id = ?", Integer.class,
                station)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from booking_activity where station_id = ?", Integer.class,
                station)).isZero();
    }

    MvcTestResult publish(String title) {
        return mvc.post().uri("/api/v1/staff/stations/" + station + "/activities").header("Authorization", staff.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"title":"%s","place":"活动室","description":"一起做手工","startsAt":"2026-12-06T14:00:00",
                         "endsAt":"2026-12-06T16:00:00","capacity":12,"audience":"ALL","points":5}
                        """.formatted(title)).exchange();
    }
}
