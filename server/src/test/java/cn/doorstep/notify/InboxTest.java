package cn.doorstep.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.MutableClock;
import cn.doorstep.support.Parallel;
import cn.doorstep.support.SqlStatements;
import cn.doorstep.support.TestUsers.SignedIn;
import cn.doorstep.support.TestUsers;
import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;

/** Every notice lands in the user's inbox, read over HTTP: paged newest first, with exact counts. */
@IntegrationTest
class InboxTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    Notifier notifier;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    MutableClock clock;
    @Autowired
    SqlStatements sql;

    SignedIn resident;

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-12-01T04:00:00Z"));
        resident = users.resident();
    }

    @AfterEach
    void resetClock() {
        clock.set(Instant.now());
    }

    @Test
    void aNoticeWithoutATemplateLandsInTheInboxOnlyWithItsText() {
        offer(resident, "waitlist-offer:1");
        earned(resident, "points:1", 5); // no template for POINTS_EARNED in tests

        var inbox = inbox(resident, 1, 20);
        assertThat(JsonPath.<Integer>read(inbox, "$.data.total")).isEqualTo(2);
        assertThat(JsonPath.<Integer>read(inbox, "$.data.unread")).isEqualTo(2);
        assertThat(JsonPath.<String>read(inbox, "$.data.items[0].kind")).isEqualTo("POINTS_EARNED");
        assertThat(JsonPath.<String>read(inbox, "$.data.items[0].title")).isEqualTo("积分到账");
        assertThat(JsonPath.<String>read(inbox, "$.data.items[0].body")).isEqualTo("完成微心愿：修楼道灯，获得 5 积分。");
        assertThat(JsonPath.<String>read(inbox, "$.data.items[0].page")).isEqualTo("pages/points/ledger");
        assertThat(JsonPath.<Boolean>read(inbox, "$.data.items[0].read")).isFalse();
        assertThat(JsonPath.<String>read(inbox, "$.data.items[1].kind")).isEqualTo("WAITLIST_OFFER");
        assertThat(JsonPath.<String>read(inbox, "$.data.items[1].body"))
                .isEqualTo("2026-12-05 10:00 的「义务理发」有空位了，为您保留到 2026-12-01 12:15。请在此之前确认预约，逾时将让给下一位。");
        assertThat(jdbc.queryForObject("select count(*) from notify_outbox where user_id = ? and kind = 'POINTS_EARNED'",
                Integer.class, resident.id())).as("no template, no subscribe message").isZero();
    }

    @Test
    void aNoticeWithATemplateAlsoGoesToTheOutbox() {
        notifier.notify(resident.id(), NotificationKind.WISH_CLAIMED,
                Map.of("thing1", "修楼道灯", "thing2", "已有志愿者认领", "time3", "2026-12-01 12:00"),
                "pages/wish/detail?id=9", "wish-claimed:9:1");

        assertThat(outboxRows(resident)).isEqualTo(1);
        assertThat(JsonPath.<String>read(inbox(resident, 1, 20), "$.data.items[0].body")).isEqualTo("「修楼道灯」：已有志愿者认领");
    }

    @Test
    void theSameFactAnnouncedTwiceIsOneItem() {
        earned(resident, "points:2", 5);
        earned(resident, "points:2", 5);

        var inbox = inbox(resident, 1, 20);
        assertThat(JsonPath.<Integer>read(inbox, "$.data.total")).isEqualTo(1);
        assertThat(JsonPath.<Integer>read(inbox, "$.data.unread")).isEqualTo(1);
        assertThat(JsonPath.<List<?>>read(inbox, "$.data.items")).hasSize(1);
    }

    @Test
    void pagesGoNewestFirstWithTheTotalAndTheUnreadCountOfTheWholeInbox() {
        for (int i = 1; i <= 25; i++) {
            earned(resident, "points:page-" + i, i);
        }

        var first = inbox(resident, 1, 10);
        assertThat(JsonPath.<List<String>>read(first, "$.data.items[*].body")).hasSize(10)
                .first().isEqualTo("完成微心愿：修楼道灯，获得 25 积分。");
        assertThat(JsonPath.<Integer>read(first, "$.data.total")).isEqualTo(25);
        assertThat(JsonPath.<Integer>read(first, "$.data.unread")).isEqualTo(25);
        assertThat(JsonPath.<Integer>read(first, "$.data.page")).isEqualTo(1);
        assertThat(JsonPath.<Integer>read(first, "$.data.size")).isEqualTo(10);
        var last = inbox(resident, 3, 10);
        assertThat(JsonPath.<List<String>>read(last, "$.data.items[*].body")).hasSize(5)
                .last().isEqualTo("完成微心愿：修楼道灯，获得 1 积分。");
    }

    @Test
    void anEmptyInboxAnswersNoItemsAndNothingUnread() {
        var inbox = inbox(users.resident(), 1, 20);
        assertThat(JsonPath.<List<?>>read(inbox, "$.data.items")).isEmpty();
        assertThat(JsonPath.<Integer>read(inbox, "$.data.total")).isZero();
        assertThat(JsonPath.<Integer>read(inbox, "$.data.unread")).isZero();
    }

    @Test
    void readingANoticeMarksItReadOnceAndLowersTheUnreadCount() {
        earned(resident, "points:3", 5);
        earned(resident, "points:4", 6);
        long id = itemIds(resident).get(1);

        clock.set(Instant.parse("2026-12-01T05:00:00Z"));
        assertThat(mvc.post().uri("/api/v1/inbox/{id}/read", id).header("Authorization", resident.bearer()))
                .hasStatusOk().bodyJson().extractingPath("$.data.readAt").isEqualTo("2026-12-01T05:00:00Z");
        clock.set(Instant.parse("2026-12-01T06:00:00Z"));
        assertThat(mvc.post().uri("/api/v1/inbox/{id}/read", id).header("Authorization", resident.bearer()))
                .as("read again: nothing changes").hasStatusOk().bodyJson().extractingPath("$.data.readAt")
                .isEqualTo("2026-12-01T05:00:00Z");

        var inbox = inbox(resident, 1, 20);
        assertThat(JsonPath.<Integer>read(inbox, "$.data.unread")).isEqualTo(1);
        assertThat(JsonPath.<Integer>read(inbox, "$.data.total")).isEqualTo(2);
        assertThat(JsonPath.<List<Boolean>>read(inbox, "$.data.items[*].read")).containsExactly(false, true);
        assertCountersExact(resident);
    }

    @Test
    void readAllReadsEveryNoticeAndLaterOnesArriveUnread() {
        for (int i = 0; i < 3; i++) {
            earned(resident, "points:all-" + i, 1);
        }

        assertThat(mvc.post().uri("/api/v1/inbox/read-all").header("Authorization", resident.bearer()))
                .hasStatusOk().bodyJson().satisfies(body -> {
                    assertThat(body).extractingPath("$.data.read").isEqualTo(3);
                    assertThat(body).extractingPath("$.data.unread").isEqualTo(0);
                });
        earned(resident, "points:all-late", 1);

        var inbox = inbox(resident, 1, 20);
        assertThat(JsonPath.<Integer>read(inbox, "$.data.unread")).isEqualTo(1);
        assertThat(JsonPath.<List<Boolean>>read(inbox, "$.data.items[*].read")).containsExactly(false, true, true, true);
        assertCountersExact(resident);
    }

    @Test
    void aNoticeOfAFactThatRolledBackLeavesNoItemAndNoCount() {
        SignedIn someone = users.resident();
        assertThatThrownBy(() -> transaction.executeWithoutResult(tx -> {
            earned(someone, "points:rolled-back", 5);
            throw new IllegalStateException("the award failed after all");
        })).isInstanceOf(IllegalStateException.class);

        var inbox = inbox(someone, 1, 20);
        assertThat(JsonPath.<Integer>read(inbox, "$.data.total")).isZero();
        assertThat(JsonPath.<Integer>read(inbox, "$.data.unread")).isZero();
        assertThat(jdbc.queryForObject("select count(*) from inbox_item where user_id = ?", Integer.class, someone.id()))
                .isZero();
    }

    @Test
    void oneTransactionNotifyingSeveralUsersCountsEachOnce() {
        SignedIn a = users.resident();
        SignedIn b = users.resident();
        transaction.executeWithoutResult(tx -> {
            earned(b, "points:multi-1", 1);
            earned(a, "points:multi-1", 1);
            earned(b, "points:multi-2", 1);
        });

        assertThat(JsonPath.<Integer>read(inbox(a, 1, 20), "$.data.unread")).isEqualTo(1);
        assertThat(JsonPath.<Integer>read(inbox(b, 1, 20), "$.data.unread")).isEqualTo(2);
        assertCountersExact(a);
        assertCountersExact(b);
    }

    @Test
    void readsReadAllsAndNewNoticesRacingEachOtherKeepTheCountsExact() {
        SignedIn racer = users.resident();
        for (int i = 0; i < 10; i++) {
            earned(racer, "points:race-" + i, 1);
        }
        List<Long> ids = itemIds(racer);

        Parallel.run(30, 8, i -> switch (i % 3) {
            case 0 -> mvc.post().uri("/api/v1/inbox/{id}/read", ids.get(i % ids.size()))
                    .header("Authorization", racer.bearer()).exchange().getResponse().getStatus();
            case 1 -> mvc.post().uri("/api/v1/inbox/read-all").header("Authorization", racer.bearer())
                    .exchange().getResponse().getStatus();
            default -> {
                earned(racer, "points:race-new-" + i, 1);
                yield 200;
            }
        }).forEach(status -> assertThat(status).isEqualTo(200));

        assertCountersExact(racer);
        assertThat(JsonPath.<Integer>read(inbox(racer, 1, 50), "$.data.total")).isEqualTo(20);
        // the first page's copy in Redis agrees with MySQL after the race: no reader put back an older page
        String first = inbox(racer, 1, 20);
        assertThat(JsonPath.<Integer>read(first, "$.data.total")).isEqualTo(20);
        assertThat(JsonPath.<Integer>read(first, "$.data.unread")).isEqualTo(jdbc.queryForObject(
                "select count(*) from inbox_item where user_id = ? and read_at is null", Integer.class, racer.id()));
    }

    @Test
    void theFirstPageIsReadFromItsCopyWithoutMySqlUntilANoticeOrAReadChangesIt() {
        earned(resident, "points:copy-1", 1);
        earned(resident, "points:copy-2", 2);
        String loaded = inbox(resident, 1, 20);

        String[] again = new String[1];
        assertThat(sql.during(() -> again[0] = inbox(resident, 1, 20))).as("the app start's page from Redis").isEmpty();
        assertThat(again[0]).isEqualTo(loaded);

        earned(resident, "points:copy-3", 3);
        String afterNotice = inbox(resident, 1, 20);
        assertThat(JsonPath.<Integer>read(afterNotice, "$.data.total")).isEqualTo(3);
        assertThat(JsonPath.<String>read(afterNotice, "$.data.items[0].body")).isEqualTo("完成微心愿：修楼道灯，获得 3 积分。");

        long newest = JsonPath.<Number>read(afterNotice, "$.data.items[0].id").longValue();
        assertThat(mvc.post().uri("/api/v1/inbox/{id}/read", newest).header("Authorization", resident.bearer())).hasStatusOk();
        String afterRead = inbox(resident, 1, 20);
        assertThat(JsonPath.<Integer>read(afterRead, "$.data.unread")).isEqualTo(2);
        assertThat(JsonPath.<List<Boolean>>read(afterRead, "$.data.items[*].read")).containsExactly(true, false, false);

        assertThat(mvc.post().uri("/api/v1/inbox/read-all").header("Authorization", resident.bearer())).hasStatusOk();
        assertThat(JsonPath.<Integer>read(inbox(resident, 1, 20), "$.data.unread")).isZero();
    }

    @Nested
    class Refusals {

        @Test
        void anotherUsersNoticeIsNotFoundAndStaysUnread() {
            earned(resident, "points:5", 5);
            long id = itemIds(resident).get(0);
            SignedIn stranger = users.resident();

            assertThat(mvc.post().uri("/api/v1/inbox/{id}/read", id).header("Authorization", stranger.bearer()))
                    .hasStatus(404).bodyJson().extractingPath("$.code").isEqualTo(15001);

            assertThat(JsonPath.<Boolean>read(inbox(resident, 1, 20), "$.data.items[0].read")).isFalse();
            assertThat(JsonPath.<Integer>read(inbox(resident, 1, 20), "$.data.unread")).isEqualTo(1);
        }

        @Test
        void anUnknownNoticeIsNotFound() {
            assertThat(mvc.post().uri("/api/v1/inbox/{id}/read", Long.MAX_VALUE).header("Authorization", resident.bearer()))
                    .hasStatus(404).bodyJson().extractingPath("$.code").isEqualTo(15001);
        }

        @Test
        void theInboxNeedsASignedInUser() {
            assertThat(mvc.get().uri("/api/v1/inbox")).hasStatus(401);
        }

        @Test
        void aBadPageAndSizeAreRefusedNamingBoth() {
            assertThat(mvc.get().uri("/api/v1/inbox?page=first&size=0").header("Authorization", resident.bearer()))
                    .hasStatus(400).bodyJson().extractingPath("$.data.errors[*].field").asArray()
                    .containsExactly("page", "size");
        }

        @Test
        void aPageTooDeepIsRefusedNamingThePage() {
            assertThat(mvc.get().uri("/api/v1/inbox?page=600&size=20").header("Authorization", resident.bearer()))
                    .hasStatus(400).bodyJson().extractingPath("$.data.errors[0].field").isEqualTo("page");
        }
    }

    void assertCountersExact(SignedIn who) {
        Map<String, Object> counter = jdbc.queryForMap("select total, unread from inbox_counter where user_id = ?", who.id());
        assertThat(((Number) counter.get("total")).longValue()).isEqualTo(
                jdbc.queryForObject("select count(*) from inbox_item where user_id = ?", Long.class, who.id()));
        assertThat(((Number) counter.get("unread")).longValue()).isEqualTo(jdbc.queryForObject(
                "select count(*) from inbox_item where user_id = ? and read_at is null", Long.class, who.id()));
    }

    String inbox(SignedIn who, int page, int size) {
        var result = mvc.get().uri("/api/v1/inbox?page={page}&size={size}", page, size)
                .header("Authorization", who.bearer()).exchange();
        assertThat(result).hasStatusOk();
        try {
            return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    List<Long> itemIds(SignedIn who) {
        return JsonPath.<List<Number>>read(inbox(who, 1, 50), "$.data.items[*].id").stream().map(Number::longValue).toList();
    }

    void earned(SignedIn who, String dedupeKey, int points) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("number1", Integer.toString(points));
        fields.put("thing2", "完成微心愿：修楼道灯");
        fields.put("time3", "2026-12-01 12:00");
        notifier.notify(who.id(), NotificationKind.POINTS_EARNED, fields, "pages/points/ledger", dedupeKey);
    }

    void offer(SignedIn who, String dedupeKey) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("thing1", "义务理发");
        fields.put("time2", "2026-12-05 10:00");
        fields.put("time3", "2026-12-01 12:15");
        notifier.notify(who.id(), NotificationKind.WAITLIST_OFFER, fields, "pages/booking/waitlist?id=1", dedupeKey);
    }

    int outboxRows(SignedIn who) { // kinds with a template in tests only
        return jdbc.queryForObject("select count(*) from notify_outbox where user_id = ?", Integer.class, who.id());
    }
}
