package cn.doorstep.points.statement;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.common.PageQuery;
import cn.doorstep.community.CommunityService;
import cn.doorstep.points.Award;
import cn.doorstep.points.PointsReason;
import cn.doorstep.points.PointsService;
import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.MutableClock;
import cn.doorstep.support.SqlStatements;
import cn.doorstep.support.TestRegions;
import cn.doorstep.support.TestUsers.SignedIn;
import cn.doorstep.support.TestUsers;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** 双积分 statements: issued from the ledger, read by code without login, revoked or expired for good. */
@IntegrationTest
class StatementTest {

    /** 12:00 China time on 2026-12-10. */
    static final Instant NOON = Instant.parse("2026-12-10T04:00:00Z");

    @Autowired
    MockMvcTester mvc;
    @Autowired
    PointsService points;
    @Autowired
    CommunityService communities;
    @Autowired
    Statements statements;
    @Autowired
    TestUsers users;
    @Autowired
    TestRegions regions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    SqlStatements sql;

    long community;
    SignedIn rider;

    @BeforeEach
    void setUp() {
        community = regions.community();
        rider = users.resident();
        jdbc.update("update app_user set nickname = '小周', phone = '13812345678', community_id = ? where id = ?",
                community, rider.id());
        jdbc.update("insert into rider (user_id, platform, real_name, home_community_id, status, created_at, updated_at) "
                + "values (?, 'MEITUAN', '周建国', ?, 'VERIFIED', utc_timestamp(3), utc_timestamp(3))", rider.id(), community);
        // before the period: not on the statement
        earnAt(Instant.parse("2026-11-30T15:59:00Z"), PointsReason.RIDER_CHECKIN, "before", BigDecimal.ONE);
        // in the period (China dates 12-01 .. 12-09): two check-ins and 1.5 hours of service
        earnAt(Instant.parse("2026-11-30T16:00:00Z"), PointsReason.RIDER_CHECKIN, "first", BigDecimal.ONE);
        earnAt(Instant.parse("2026-12-05T02:00:00Z"), PointsReason.RIDER_CHECKIN, "second", BigDecimal.ONE);
        earnAt(Instant.parse("2026-12-09T15:59:00Z"), PointsReason.VOLUNTEER_SERVICE, "hours", new BigDecimal("1.5"));
        clock.set(NOON);
    }

    @AfterEach
    void resetClock() {
        clock.set(Instant.now());
    }

    @Test
    void anEmployerReadsTheRegisteredNameCommunityAndTotalsOfThePeriodWithoutLoginAndNoPhone() {
        String code = issue(rider, "2026-12-01", "2026-12-09");

        MvcTestResult read = mvc.get().uri("/api/v1/points/statements/" + code).exchange();

        assertThat(read).hasStatus(HttpStatus.OK);
        assertThat(read).bodyJson().extractingPath("$.data.holderName").isEqualTo("周建国");
        assertThat(read).bodyJson().extractingPath("$.data.nameVerified").isEqualTo(true);
        assertThat(read).bodyJson().extractingPath("$.data.communityName")
                .isEqualTo(communities.get(community).name());
        assertThat(read).bodyJson().extractingPath("$.data.totalPoints").isEqualTo(25); // 2 × 5 + 1.5 h × 10
        assertThat(read).bodyJson().extractingPath("$.data.totalHours").isEqualTo(1.5);
        List<Map<String, Object>> lines = Http.read(read, "$.data.lines");
        assertThat(lines).extracting(l -> l.get("kind"), l -> l.get("entries"), l -> l.get("points"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("RIDER_CHECKIN", 2, 10),
                        org.assertj.core.groups.Tuple.tuple("VOLUNTEER_SERVICE", 1, 15));
        String body = Http.body(read);
        assertThat(body).doesNotContain("138").doesNotContain("5678").doesNotContain("phone")
                .doesNotContain("userId");
        assertThat(jdbc.queryForObject("select count(*) from points_statement_line l join points_statement s "
                + "on s.id = l.statement_id where s.code = ?", Integer.class, code)).isEqualTo(2);
    }

    @Test
    void theStatementIsASnapshotThatLaterEarningDoesNotChange() {
        String code = issue(rider, "2026-12-01", "2026-12-10");

        earnAt(NOON.plusSeconds(60), PointsReason.RIDER_CHECKIN, "after-issue", BigDecimal.ONE);

        assertThat(mvc.get().uri("/api/v1/points/statements/" + code)).bodyJson()
                .extractingPath("$.data.totalPoints").isEqualTo(25);
    }

    @Test
    void withoutARegistrationTheNicknameIsShownAndMarkedUnverified() {
        jdbc.update("update rider set status = 'PENDING' where user_id = ?", rider.id());
        String code = issue(rider, "2026-12-01", "2026-12-09");

        MvcTestResult read = mvc.get().uri("/api/v1/points/statements/" + code).exchange();
        assertThat(read).bodyJson().extractingPath("$.data.holderName").isEqualTo("小周");
        assertThat(read).bodyJson().extractingPath("$.data.nameVerified").isEqualTo(false);
    }

    @Test
    void aRevokedStatementIsGoneForTheEmployerAndOnlyItsOwnerCanRevokeIt() {
        String code = issue(rider, "2026-12-01", "2026-12-09");
        SignedIn stranger = users.resident();

        assertThat(mvc.post().uri("/api/v1/points/statements/" + code + "/revoke")
                .header("Authorization", stranger.bearer())).hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson().extractingPath("$.code").isEqualTo(30005);
        assertThat(mvc.get().uri("/api/v1/points/statements/" + code)).hasStatus(HttpStatus.OK);

        assertThat(mvc.post().uri("/api/v1/points/statements/" + code + "/revoke").header("Authorization", rider.bearer()))
                .hasStatus(HttpStatus.OK).bodyJson().extractingPath("$.data.status").isEqualTo("REVOKED");
        assertThat(mvc.post().uri("/api/v1/points/statements/" + code + "/revoke").header("Authorization", rider.bearer()))
                .as("revoking again answers the same").hasStatus(HttpStatus.OK);

        assertThat(mvc.get().uri("/api/v1/points/statements/" + code)).hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson().extractingPath("$.code").isEqualTo(30005);
        assertThat(jdbc.queryForObject("select revoked_at is not null from points_statement where code = ?",
                Boolean.class, code)).isTrue();
    }

    @Test
    void anExpiredStatementIsGoneForTheEmployerAndShownAsExpiredToItsOwner() {
        String code = issue(rider, "2026-12-01", "2026-12-09");

        clock.set(NOON.plus(Duration.ofDays(90)).plusSeconds(1));

        assertThat(mvc.get().uri("/api/v1/points/statements/" + code)).hasStatus(HttpStatus.NOT_FOUND);
        // (read through the service: a session does not last 90 days)
        assertThat(statements.mine(rider.id(), PageQuery.of(1, 20)).items())
                .extracting(StatementView::status).containsExactly(StatementView.Status.EXPIRED);
    }

    @Test
    void unknownAndMalformedCodesAreNotFound() {
        assertThat(mvc.get().uri("/api/v1/points/statements/ABCDEFGHJKMN")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/v1/points/statements/x' or 1=1")).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void theOwnersListNeedsALoginAndShowsTheirStatementsNewestFirst() {
        String first = issue(rider, "2026-12-01", "2026-12-05");
        String second = issue(rider, "2026-12-06", "2026-12-09");

        assertThat(mvc.get().uri("/api/v1/points/statements")).hasStatus(HttpStatus.UNAUTHORIZED);
        MvcTestResult mine = mvc.get().uri("/api/v1/points/statements").header("Authorization", rider.bearer()).exchange();
        assertThat(mine).bodyJson().extractingPath("$.data.total").isEqualTo(2);
        assertThat(Http.<List<String>>read(mine, "$.data.items[*].code")).containsExactly(second, first);
        assertThat(mvc.get().uri("/api/v1/points/statements").header("Authorization", users.resident().bearer()))
                .bodyJson().extractingPath("$.data.total").isEqualTo(0);
    }

    @Test
    void theOwnersListRunsAsManyStatementsForSixStatementsAsForOne() {
        issue(rider, "2026-12-01", "2026-12-09");
        List<String> one = sql.during(() -> assertThat(mvc.get().uri("/api/v1/points/statements")
                .header("Authorization", rider.bearer())).hasStatusOk());

        for (int day = 1; day <= 5; day++) {
            issue(rider, "2026-12-0" + day, "2026-12-09");
        }
        List<String> six = sql.during(() -> assertThat(mvc.get().uri("/api/v1/points/statements")
                .header("Authorization", rider.bearer())).hasStatusOk());

        assertThat(six).as("1 statement: %s%n6 statements: %s", one, six).hasSameSizeAs(one);
        MvcTestResult mine = mvc.get().uri("/api/v1/points/statements").header("Authorization", rider.bearer()).exchange();
        assertThat(Http.<List<Integer>>read(mine, "$.data.items[*].totalPoints")).hasSize(6);
        assertThat(Http.<List<String>>read(mine, "$.data.items[*].lines[*].kind")).as("each with its own lines")
                .containsExactly("RIDER_CHECKIN", "VOLUNTEER_SERVICE", "RIDER_CHECKIN", "VOLUNTEER_SERVICE",
                        "RIDER_CHECKIN", "VOLUNTEER_SERVICE", "RIDER_CHECKIN", "VOLUNTEER_SERVICE",
                        "RIDER_CHECKIN", "VOLUNTEER_SERVICE", "RIDER_CHECKIN", "VOLUNTEER_SERVICE");
    }

    @Test
    void aPeriodThatEndsBeforeItStartsEndsInTheFutureOrSpansOverAYearIsRefusedNamingTheField() {
        assertBadPeriod("{\"from\":\"2026-12-09\",\"to\":\"2026-12-01\"}", "to");
        assertBadPeriod("{\"from\":\"2026-12-01\",\"to\":\"2026-12-11\"}", "to");
        assertBadPeriod("{\"from\":\"2025-12-01\",\"to\":\"2026-12-09\"}", "from");
        assertThat(post(rider, "{\"to\":\"2026-12-09\"}")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.message").asString().contains("from");
        assertThat(jdbc.queryForObject("select count(*) from points_statement where user_id = ?", Integer.class,
                rider.id())).isZero();
    }

    private void assertBadPeriod(String body, String field) {
        MvcTestResult result = post(rider, body);
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.code").isEqualTo(30006);
        assertThat(Http.body(result)).contains("\"" + field + "\"");
    }

    private String issue(SignedIn who, String from, String to) {
        MvcTestResult result = post(who, "{\"from\":\"" + from + "\",\"to\":\"" + to + "\"}");
        assertThat(result).hasStatus(HttpStatus.OK);
        String code = Http.read(result, "$.data.code");
        assertThat(code).matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{12}");
        assertThat(jdbc.queryForObject("select user_id from points_statement where code = ?", Long.class, code))
                .isEqualTo(who.id());
        return code;
    }

    private MvcTestResult post(SignedIn who, String body) {
        return mvc.post().uri("/api/v1/points/statements").header("Authorization", who.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    private void earnAt(Instant at, PointsReason kind, String ref, BigDecimal units) {
        clock.set(at);
        LocalDate day = LocalDate.ofInstant(at, cn.doorstep.common.Zones.CHINA);
        points.award(new Award(rider.id(), kind, "statement-test", ref + "-" + rider.id(), units, community, day, null, null));
    }
}
