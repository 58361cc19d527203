package cn.doorstep.stats;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.common.Role;
import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.TestUsers.SignedIn;
import cn.doorstep.wish.WishChanged;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Wish statistics of the week Monday 2031-03-03 to Sunday 2031-03-09 China time, that is
 * [2031-03-02T16:00Z, 2031-03-09T16:00Z), seeded through the API at pinned clock times (a year no other test
 * uses, so the city's figures are this test's). Community C1 (street S1): w1 posted Monday 10:00, claimed after 30
 * minutes, confirmed Tuesday 09:00 rated 5; w2 posted Tuesday 00:10 (Monday in UTC), claimed after 10 minutes,
 * confirmed Tuesday 12:10 rated 3; w3, w4, w5 posted Wednesday: w3 claimed after 50 minutes, w4 cancelled, w5 open;
 * w6 posted Sunday 23:50 (in the week); w7 posted the next Monday 00:05 (not in it). C2 (S1): w8 Thursday.
 * C3 (street S2 of the same district): w9 Thursday.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WishStatsTest extends StatsTestSupport {

    static final String WEEK = "period=week&date=2031-03-05";

    @Autowired
    StatsListener listener;

    long district;
    long street1;
    long street2;
    long c1;
    long c2;
    long c3;

    @BeforeAll
    void seed() {
        clock.set(Instant.parse("2031-03-03T01:00:00Z")); // sessions are judged by the app's clock: made in the seed's time
        weChatPasses();
        var chain = regions.chain();
        district = chain.district();
        street1 = chain.street();
        c1 = chain.community();
        c2 = regions.communityIn(street1);
        street2 = regions.streetIn(district);
        c3 = regions.communityIn(street2);

        SignedIn p1 = poster();
        SignedIn v1 = volunteerOf(c1);
        SignedIn v2 = volunteerOf(c1);
        long w1 = postAt(p1, c1, "REPAIRS", "2031-03-03T02:00:00Z");
        claimAt(v1, w1, "2031-03-03T02:30:00Z");
        fulfilAt(v1, w1, "2031-03-03T03:00:00Z");
        long w2 = postAt(p1, c1, "REPAIRS", "2031-03-03T16:10:00Z");
        claimAt(v2, w2, "2031-03-03T16:20:00Z");
        fulfilAt(v2, w2, "2031-03-03T17:00:00Z");
        confirmAt(p1, w1, 5, "2031-03-04T01:00:00Z");
        confirmAt(p1, w2, 3, "2031-03-04T04:10:00Z");
        long w3 = postAt(p1, c1, "COMPANY", "2031-03-05T01:00:00Z");
        claimAt(v1, w3, "2031-03-05T01:50:00Z");
        long w4 = postAt(p1, c1, "DAILY_HELP", "2031-03-05T02:00:00Z");
        cancelAt(p1, w4, "2031-03-05T03:00:00Z");
        postAt(p1, c1, "ELDERLY_CARE", "2031-03-05T04:00:00Z");
        postAt(p1, c1, "REPAIRS", "2031-03-09T15:50:00Z");
        postAt(p1, c1, "REPAIRS", "2031-03-09T16:05:00Z");
        postAt(poster(), c2, "OTHER", "2031-03-06T04:00:00Z");
        postAt(poster(), c3, "STUDY_HELP", "2031-03-06T04:00:00Z");
        clock.set(Instant.parse("2031-03-12T02:00:00Z"));
        awaitFolds();
    }

    @AfterAll
    void resetClock() {
        clock.set(Instant.now());
    }

    @Test
    void aCommunityAdminSeesTheWeeksWishesInTheExactShape() {
        var reply = get(users.with(Role.ADMIN, c1), "wishes?communityId=" + c1 + "&" + WEEK);

        assertThat(reply).hasStatusOk();
        assertThat(Http.<Map<String, Object>>read(reply, "$.data.scope"))
                .containsEntry("level", "COMMUNITY").containsEntry("id", (int) c1).containsKey("name");
        assertThat(Http.<String>read(reply, "$.data.from")).isEqualTo("2031-03-03");
        assertThat(Http.<String>read(reply, "$.data.to")).isEqualTo("2031-03-09");
        assertThat(Http.<Integer>read(reply, "$.data.posted")).isEqualTo(6);
        assertThat(Http.<Map<String, Integer>>read(reply, "$.data.byStatus")).containsExactly(
                Map.entry("PENDING_REVIEW", 0), Map.entry("REJECTED", 0), Map.entry("OPEN", 2), Map.entry("DISPATCHED", 0),
                Map.entry("CLAIMED", 1), Map.entry("FULFILLED", 0), Map.entry("DISPUTED", 0), Map.entry("CONFIRMED", 2),
                Map.entry("CANCELLED", 1));
        assertThat(Http.<List<Map<String, Object>>>read(reply, "$.data.byCategory")).first()
                .isEqualTo(Map.of("category", "REPAIRS", "count", 3));
        assertThat(Http.<List<Object>>read(reply, "$.data.byCategory")).hasSize(6);
        assertThat(Http.<Integer>read(reply, "$.data.medianMinutesToClaim")).isEqualTo(30);
        assertThat(Http.<Integer>read(reply, "$.data.medianMinutesToConfirm")).isEqualTo(720);
        assertThat(Http.<Double>read(reply, "$.data.completionRate")).isEqualTo(0.4);
        assertThat(Http.<Double>read(reply, "$.data.averageRating")).isEqualTo(4.0);
        assertThat(Http.<List<Map<String, Object>>>read(reply, "$.data.daily")).containsExactly(
                Map.of("date", "2031-03-03", "posted", 1, "confirmed", 0),
                Map.of("date", "2031-03-04", "posted", 1, "confirmed", 2),
                Map.of("date", "2031-03-05", "posted", 3, "confirmed", 0),
                Map.of("date", "2031-03-06", "posted", 0, "confirmed", 0),
                Map.of("date", "2031-03-07", "posted", 0, "confirmed", 0),
                Map.of("date", "2031-03-08", "posted", 0, "confirmed", 0),
                Map.of("date", "2031-03-09", "posted", 1, "confirmed", 0));
    }

    @Test
    void theFiguresEqualDirectCountsOverTheWishTable() {
        Timestamp from = Timestamp.from(Instant.parse("2031-03-02T16:00:00Z"));
        Timestamp until = Timestamp.from(Instant.parse("2031-03-09T16:00:00Z"));
        var reply = get(users.with(Role.ADMIN, c1), "wishes?communityId=" + c1 + "&" + WEEK);

        var direct = jdbc.queryForList("select status, count(*) n from wish where community_id = ? and created_at >= ?"
                + " and created_at < ? group by status", c1, from, until);
        Map<String, Integer> byStatus = Http.read(reply, "$.data.byStatus");
        direct.forEach(r -> assertThat(byStatus.get((String) r.get("status"))).isEqualTo(((Number) r.get("n")).intValue()));
        assertThat(Http.<Integer>read(reply, "$.data.posted")).isEqualTo(jdbc.queryForObject("select count(*) from wish"
                + " where community_id = ? and created_at >= ? and created_at < ?", Integer.class, c1, from, until));
        List<Long> toClaim = jdbc.queryForList("select timestampdiff(MINUTE, published_at, claimed_at) from wish where"
                + " community_id = ? and created_at >= ? and created_at < ? and claimed_at is not null order by 1",
                Long.class, c1, from, until);
        assertThat(Http.<Integer>read(reply, "$.data.medianMinutesToClaim").longValue())
                .isEqualTo(toClaim.get((toClaim.size() - 1) / 2));
        assertThat(Http.<Double>read(reply, "$.data.averageRating")).isEqualTo(jdbc.queryForObject("select avg(rating)"
                + " from wish where community_id = ? and created_at >= ? and created_at < ?", Double.class, c1, from, until));

        var city = get(users.with(Role.PLATFORM, 0), "wishes?period=custom&from=2031-03-03&to=2031-03-09");
        assertThat(Http.<Integer>read(city, "$.data.posted")).isEqualTo(jdbc.queryForObject(
                "select count(*) from wish where created_at >= ? and created_at < ?", Integer.class, from, until));
        assertThat(Http.<Integer>read(city, "$.data.daily[1].confirmed")).isEqualTo(jdbc.queryForObject(
                "select count(*) from wish where confirmed_at >= ? and confirmed_at < ?", Integer.class,
                Timestamp.from(Instant.parse("2031-03-03T16:00:00Z")), Timestamp.from(Instant.parse("2031-03-04T16:00:00Z"))));
    }

    @Test
    void aStreetAddsItsCommunitiesAndADistrictItsStreets() {
        var street = get(users.with(Role.STREET_ADMIN, street1), "wishes?streetId=" + street1 + "&" + WEEK);
        var districtReply = get(users.with(Role.DISTRICT_ADMIN, district), "wishes?districtId=" + district + "&" + WEEK);

        assertThat(street).hasStatusOk();
        assertThat(Http.<String>read(street, "$.data.scope.level")).isEqualTo("STREET");
        assertThat(Http.<Integer>read(street, "$.data.posted")).isEqualTo(7);
        assertThat(Http.<Integer>read(street, "$.data.byStatus.OPEN")).isEqualTo(3);
        assertThat(Http.<String>read(districtReply, "$.data.scope.level")).isEqualTo("DISTRICT");
        assertThat(Http.<Integer>read(districtReply, "$.data.posted")).isEqualTo(8);
    }

    @Test
    void theCityIsThePlatformsWithIdZero() {
        var reply = get(users.with(Role.PLATFORM, 0), "wishes?" + WEEK);

        assertThat(reply).hasStatusOk();
        assertThat(Http.<Map<String, Object>>read(reply, "$.data.scope"))
                .isEqualTo(Map.of("level", "CITY", "id", 0, "name", "全市"));
        assertThat(Http.<Integer>read(reply, "$.data.posted")).isGreaterThanOrEqualTo(8);
    }

    @Test
    void anEmptyPeriodHasNullsWhereNothingIsDivided() {
        var reply = get(users.with(Role.ADMIN, c1), "wishes?communityId=" + c1 + "&period=day&date=2031-03-07");

        assertThat(Http.<Integer>read(reply, "$.data.posted")).isZero();
        assertThat(Http.<Object>read(reply, "$.data.medianMinutesToClaim")).isNull();
        assertThat(Http.<Object>read(reply, "$.data.medianMinutesToConfirm")).isNull();
        assertThat(Http.<Object>read(reply, "$.data.completionRate")).isNull();
        assertThat(Http.<Object>read(reply, "$.data.averageRating")).isNull();
    }

    @Nested
    class Periods {

        @Test
        void aDayIsAChinaDayNotAUtcDay() {
            // w2 was posted at 2031-03-03T16:10Z: Tuesday 00:10 in Shanghai
            var tuesday = get(users.with(Role.ADMIN, c1), "wishes?communityId=" + c1 + "&period=day&date=2031-03-04");
            var monday = get(users.with(Role.ADMIN, c1), "wishes?communityId=" + c1 + "&period=day&date=2031-03-03");

            assertThat(Http.<Integer>read(tuesday, "$.data.posted")).isEqualTo(1);
            assertThat(Http.<Integer>read(tuesday, "$.data.byStatus.CONFIRMED")).isEqualTo(1);
            assertThat(Http.<Integer>read(monday, "$.data.posted")).isEqualTo(1);
        }

        @Test
        void withoutADateTheDayIsTodayInShanghaiByTheAppsClock() {
            clock.set(Instant.parse("2031-03-04T15:59:00Z"));
            SignedIn admin = users.with(Role.ADMIN, c1);
            var lateTuesday = get(admin, "wishes?communityId=" + c1);
            clock.set(Instant.parse("2031-03-04T16:00:00Z"));
            var earlyWednesday = get(admin, "wishes?communityId=" + c1 + "&period=day");
            clock.set(Instant.parse("2031-03-12T02:00:00Z"));

            assertThat(Http.<String>read(lateTuesday, "$.data.from")).isEqualTo("2031-03-04");
            assertThat(Http.<String>read(earlyWednesday, "$.data.from")).isEqualTo("2031-03-05");
            assertThat(Http.<Integer>read(earlyWednesday, "$.data.posted")).isEqualTo(3);
        }

        @Test
        void aWeekRunsMondayToSundayAndAMonthItsCalendarMonth() {
            var sunday = get(users.with(Role.ADMIN, c1), "wishes?communityId=" + c1 + "&period=week&date=2031-03-09");
            var month = get(users.with(Role.ADMIN, c1), "wishes?communityId=" + c1 + "&period=month&date=2031-03-15");

            assertThat(Http.<String>read(sunday, "$.data.from")).isEqualTo("2031-03-03");
            assertThat(Http.<Integer>read(sunday, "$.data.posted")).isEqualTo(6);
            assertThat(Http.<String>read(month, "$.data.from")).isEqualTo("2031-03-01");
            assertThat(Http.<String>read(month, "$.data.to")).isEqualTo("2031-03-31");
            assertThat(Http.<Integer>read(month, "$.data.posted")).isEqualTo(7);
            assertThat(Http.<List<Object>>read(month, "$.data.daily")).hasSize(31);
        }

        @Test
        void aCustomPeriodIncludesBothEnds() {
            var reply = get(users.with(Role.ADMIN, c1), "wishes?communityId=" + c1 + "&period=custom&from=2031-03-05&to=2031-03-10");

            assertThat(Http.<Integer>read(reply, "$.data.posted")).isEqualTo(5);
        }

        @Test
        void refusesBadPeriodsNamingTheField() {
            SignedIn admin = users.with(Role.ADMIN, c1);
            String scope = "wishes?communityId=" + c1;

            assertRefused(get(admin, scope + "&period=year"), 400, 62003, "period");
            assertRefused(get(admin, scope + "&period=custom&from=2031-03-01"), 400, 62003, "to");
            assertRefused(get(admin, scope + "&period=custom&from=2031-03-02&to=2031-03-01"), 400, 62003, "to");
            assertRefused(get(admin, scope + "&period=custom&from=2030-02-28&to=2031-03-01"), 400, 62003, "to"); // 367 days
            assertThat(get(admin, scope + "&period=custom&from=2030-03-02&to=2031-03-02")).hasStatusOk();
            assertRefused(get(admin, scope + "&period=week&from=2031-03-01"), 400, 62003, "from");
            assertRefused(get(admin, scope + "&period=custom&date=2031-03-01&from=2031-03-01&to=2031-03-02"), 400, 62003, "date");
            assertThat(get(admin, scope + "&date=2031-13-01")).hasStatus(400);
        }
    }

    @Nested
    class Scopes {

        @Test
        void aCommunityAdminSeesOnlyTheirCommunity() {
            SignedIn admin = users.with(Role.ADMIN, c1);

            assertThat(get(admin, "wishes?communityId=" + c1)).hasStatusOk();
            assertRefused(get(admin, "wishes?communityId=" + c2), 403, 62001, null);
            assertRefused(get(admin, "wishes?streetId=" + street1), 403, 62001, null);
            assertRefused(get(admin, "wishes?districtId=" + district), 403, 62001, null);
            assertRefused(get(admin, "wishes"), 403, 62001, null);
        }

        @Test
        void aStreetAdminSeesTheirStreetAndItsCommunities() {
            SignedIn admin = users.with(Role.STREET_ADMIN, street1);

            assertThat(get(admin, "wishes?streetId=" + street1)).hasStatusOk();
            assertThat(get(admin, "wishes?communityId=" + c2)).hasStatusOk();
            assertRefused(get(admin, "wishes?communityId=" + c3), 403, 62001, null);
            assertRefused(get(admin, "wishes?streetId=" + street2), 403, 62001, null);
            assertRefused(get(admin, "wishes?districtId=" + district), 403, 62001, null);
            assertRefused(get(admin, "wishes"), 403, 62001, null);
        }

        @Test
        void aDistrictAdminSeesTheirDistrictAndAllBelow() {
            SignedIn admin = users.with(Role.DISTRICT_ADMIN, district);
            long elsewhere = regions.chain().district();

            assertThat(get(admin, "wishes?districtId=" + district)).hasStatusOk();
            assertThat(get(admin, "wishes?streetId=" + street2)).hasStatusOk();
            assertThat(get(admin, "wishes?communityId=" + c3)).hasStatusOk();
            assertRefused(get(admin, "wishes?districtId=" + elsewhere), 403, 62001, null);
            assertRefused(get(admin, "wishes"), 403, 62001, null);
        }

        @Test
        void aPlatformAdminSeesAnythingThatExists() {
            SignedIn platform = users.with(Role.PLATFORM, 0);

            assertThat(get(platform, "wishes?communityId=" + c1)).hasStatusOk();
            assertThat(get(platform, "wishes?streetId=" + street2)).hasStatusOk();
            assertThat(get(platform, "wishes?districtId=" + district)).hasStatusOk();
            assertRefused(get(platform, "wishes?communityId=999999999"), 400, 62002, "communityId");
            assertRefused(get(platform, "wishes?streetId=999999999"), 400, 62002, "streetId");
            assertRefused(get(platform, "wishes?districtId=999999999"), 400, 62002, "districtId");
        }

        @Test
        void anAdminNamingAnUnknownIdIsOutOfScope() {
            assertRefused(get(users.with(Role.ADMIN, c1), "wishes?communityId=999999999"), 403, 62001, null);
        }

        @Test
        void twoScopesAtOnceAreRefused() {
            assertRefused(get(users.with(Role.PLATFORM, 0), "wishes?communityId=" + c1 + "&streetId=" + street1),
                    400, 62002, "streetId");
        }

        @Test
        void residentsAndStaffAreRefused() {
            assertThat(get(users.resident(), "wishes?communityId=" + c1)).hasStatus(403);
            assertThat(get(users.with(Role.VOLUNTEER, c1), "wishes?communityId=" + c1)).hasStatus(403);
        }
    }

    @Nested
    class Rankings {

        @Test
        void aStreetAdminRanksTheStreetsCommunitiesBy办结率ThenTimeToClaim() {
            var reply = get(users.with(Role.STREET_ADMIN, street1), "rankings?streetId=" + street1 + "&week=2031-W10");

            assertThat(reply).hasStatusOk();
            assertThat(Http.<String>read(reply, "$.data.title")).isEqualTo("第10周社区微心愿办理情况通报");
            assertThat(Http.<String>read(reply, "$.data.from")).isEqualTo("2031-03-03");
            assertThat(Http.<String>read(reply, "$.data.to")).isEqualTo("2031-03-09");
            assertThat(Http.<Map<String, Object>>read(reply, "$.data.rows[0]")).containsEntry("rank", 1)
                    .containsEntry("communityId", (int) c1).containsEntry("posted", 6).containsEntry("confirmed", 2)
                    .containsEntry("completionRate", 0.4).containsEntry("medianMinutesToClaim", 30)
                    .containsEntry("averageRating", 4.0);
            assertThat(Http.<Map<String, Object>>read(reply, "$.data.rows[1]")).containsEntry("rank", 2)
                    .containsEntry("communityId", (int) c2).containsEntry("posted", 1).containsEntry("completionRate", 0.0)
                    .containsEntry("medianMinutesToClaim", null);
            assertThat(Http.<List<Object>>read(reply, "$.data.rows")).hasSize(2);
        }

        @Test
        void equalRowsShareARankAndTheDistrictRanksAllItsCommunities() {
            var reply = get(users.with(Role.DISTRICT_ADMIN, district), "rankings?districtId=" + district + "&week=2031-W10");

            assertThat(Http.<List<Integer>>read(reply, "$.data.rows[*].rank")).containsExactly(1, 2, 2);
            assertThat(Http.<List<Integer>>read(reply, "$.data.rows[*].communityId"))
                    .containsExactly((int) c1, (int) c2, (int) c3);
        }

        @Test
        void theExportIsThe通报WithTheSameRows() {
            var reply = get(users.with(Role.STREET_ADMIN, street1), "rankings/export?streetId=" + street1 + "&week=2031-W10");

            List<List<String>> rows = cn.doorstep.support.Workbooks.rows(reply);
            assertThat(rows.get(0)).containsExactly("排名", "编号", "社区", "发布数", "办结数", "办结率", "认领用时中位数(分钟)", "平均评分");
            assertThat(rows.get(1)).containsExactly("1", Long.toString(c1), name(c1), "6", "2", "40.00%", "30", "4");
            assertThat(rows.get(2)).containsExactly("2", Long.toString(c2), name(c2), "1", "0", "0.00%", "", "");
        }

        @Test
        void withoutAWeekItIsTheLastWholeWeek() {
            clock.set(Instant.parse("2031-03-12T02:00:00Z")); // Wednesday of W11
            var reply = get(users.with(Role.STREET_ADMIN, street1), "rankings?streetId=" + street1);

            assertThat(Http.<String>read(reply, "$.data.week")).isEqualTo("2031-W10");
        }

        @Test
        void refusesScopesNotYoursAndBadWeeks() {
            SignedIn streetAdmin = users.with(Role.STREET_ADMIN, street1);

            assertRefused(get(users.with(Role.ADMIN, c1), "rankings?streetId=" + street1), 403, 62001, null);
            assertRefused(get(streetAdmin, "rankings?streetId=" + street2), 403, 62001, null);
            assertRefused(get(streetAdmin, "rankings?districtId=" + district), 403, 62001, null);
            assertRefused(get(streetAdmin, "rankings"), 400, 62002, "streetId");
            assertRefused(get(users.with(Role.PLATFORM, 0), "rankings?streetId=" + street1 + "&districtId=" + district),
                    400, 62002, "districtId");
            assertRefused(get(streetAdmin, "rankings?streetId=" + street1 + "&week=2031-W60"), 400, 62003, "week");
            assertRefused(get(streetAdmin, "rankings/export?streetId=" + street1 + "&week=W10"), 400, 62003, "week");
            assertRefused(get(users.with(Role.ADMIN, c1), "rankings/export?streetId=" + street1), 403, 62001, null);
        }

        private String name(long community) {
            return jdbc.queryForObject("select name from community where id = ?", String.class, community);
        }
    }

    @Nested
    class Folding {

        @Test
        void aRedeliveredEventChangesNothing() {
            var before = rows(c1);

            listener.on(new WishChanged(c1, LocalDate.of(2031, 3, 3), LocalDate.of(2031, 3, 4)));
            listener.on(new WishChanged(c1, LocalDate.of(2031, 3, 5), LocalDate.of(2031, 3, 5)));

            assertThat(rows(c1)).isNotEmpty().isEqualTo(before);
        }

        @Test
        void aRebuildWritesTheRowsTheEventsWrote() {
            var folded = rows(c1);
            var folded3 = rows(c3);
            jdbc.update("delete from stats_daily where community_id in (?, ?)", c1, c3);
            jdbc.update("insert into stats_daily (metric, community_id, day, station_id, dimension, value, updated_at)"
                    + " values ('wish.posted', ?, '2031-03-06', 0, '', 99, now())", c1); // a stale row: replaced

            var reply = rebuild(users.with(Role.PLATFORM, 0), "2031-03-01", "2031-03-11");

            assertThat(reply).hasStatusOk();
            assertThat(Http.<Integer>read(reply, "$.data.days")).isEqualTo(11);
            assertThat(rows(c1)).isEqualTo(folded);
            assertThat(rows(c3)).isEqualTo(folded3);
            assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'stats.rebuild'"
                    + " and target_id = '2031-03-01..2031-03-11'", Integer.class)).isPositive();
        }

        @Test
        void onlyThePlatformRebuildsAValidRange() {
            int audits = jdbc.queryForObject("select count(*) from audit_log where action = 'stats.rebuild'", Integer.class);

            assertRefused(rebuild(users.with(Role.DISTRICT_ADMIN, district), "2031-03-01", "2031-03-02"), 403, 62021, null);
            assertRefused(rebuild(users.with(Role.PLATFORM, 0), "2031-03-02", "2031-03-01"), 400, 62020, "to");
            assertRefused(rebuild(users.with(Role.PLATFORM, 0), "2031-03-01", "2031-03-13"), 400, 62020, "to");
            assertRefused(rebuild(users.with(Role.PLATFORM, 0), "2030-03-01", "2031-03-02"), 400, 62020, "to");
            assertThat(rebuild(users.with(Role.PLATFORM, 0), null, "2031-03-02")).hasStatus(400);
            assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'stats.rebuild'", Integer.class))
                    .isEqualTo(audits);
        }

        private List<Map<String, Object>> rows(long community) {
            return new ArrayList<>(jdbc.queryForList("select metric, day, station_id, dimension, value from stats_daily"
                    + " where community_id = ? order by metric, day, station_id, dimension", community));
        }

        private MvcTestResult rebuild(SignedIn who, String from, String to) {
            return mvc.post().uri("/api/v1/admin/stats/rebuild").header("Authorization", who.bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"from\":" + (from == null ? "null" : "\"" + from + "\"") + ",\"to\":\"" + to + "\"}")
                    .exchange();
        }
    }

    static void assertRefused(MvcTestResult reply, int status, int code, String field) {
        assertThat(reply).hasStatus(status);
        assertThat(Http.<Integer>read(reply, "$.code")).isEqualTo(code);
        if (field != null) {
            assertThat(Http.body(reply)).contains("\"" + field + "\"");
        }
    }
}
