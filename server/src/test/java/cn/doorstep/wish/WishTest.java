package cn.doorstep.wish;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.doorstep.audit.AuditLog;
import cn.doorstep.common.Role;
import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.MutableClock;
import cn.doorstep.support.TestServers;
import cn.doorstep.support.TestUsers.SignedIn;
import cn.doorstep.support.WeChatStubs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The micro-wish loop over HTTP: post → review → wall → claim → fulfil → confirm → points, and its side paths. */
@IntegrationTest
class WishTest extends WishTestSupport {

    @Autowired
    AuditLog audit;
    @Autowired
    WishClaims claims;
    @Autowired
    WishCompletion completion;
    @Autowired
    MutableClock clock;

    final WeChatStubs weChat = WeChatStubs.of(TestServers.get());

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-12-01T02:00:00Z"));
        weChat.reset();
        weChat.accessToken();
        weChat.contentCheck("pass");
        contentCheckAnswersInTime();
        setUpPeople();
    }

    @AfterEach
    void resetClock() {
        clock.set(Instant.now());
    }

    @Nested
    class Posting {

        @Test
        void aWishWeChatPassesIsPublishedOnTheWallWithAMaskedContact() {
            MvcTestResult reply = post(poster, wishJson("修楼道灯"));

            assertThat(reply).hasStatusOk().bodyJson().extractingPath("$.data.status").isEqualTo("OPEN");
            long id = idOf(reply);
            MvcTestResult wall = mvc.get().uri("/api/v1/wishes?communityId=" + community).header("Authorization",
                    stranger.bearer()).exchange();
            assertThat(wall).bodyJson().extractingPath("$.data.items[0].id").isEqualTo((int) id);
            assertThat(wall).bodyJson().extractingPath("$.data.items[0].contact.phone").isEqualTo("139****5678");
            assertThat(wall).bodyJson().extractingPath("$.data.items[0].contact.name").isEqualTo("张**");
            assertThat(Http.body(wall)).doesNotContain("13912345678").doesNotContain("3号楼2单元501")
                    .doesNotContain("张阿姨");
            assertThat(status(id)).isEqualTo("OPEN");
            String openid = jdbc.queryForObject("select openid from app_user where id = ?", String.class, poster.id());
            weChat.server().verify(postRequestedFor(urlPathEqualTo("/wxa/msg_sec_check"))
                    .withRequestBody(matchingJsonPath("$.version", equalTo("2")))
                    .withRequestBody(matchingJsonPath("$.openid", equalTo(openid)))
                    .withRequestBody(matchingJsonPath("$.title", equalTo("修楼道灯")))
                    .withRequestBody(matchingJsonPath("$.content", equalTo("三单元二楼的灯坏了，晚上看不见。"))));
        }

        @Test
        void aWishWeChatFindsRiskyIsRefusedAndNeverStored() {
            weChat.contentCheck("risky");

            assertThat(post(poster, wishJson("不良内容"))).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY)
                    .bodyJson().extractingPath("$.code").isEqualTo(40001);
            assertThat(wishesOf(poster)).isZero();
            assertThat(wallTotal()).isZero();
        }

        @Test
        void aWishWeChatWantsReviewedIsHeldForTheAdmin() {
            weChat.contentCheck("review");

            long id = idOf(post(poster, wishJson("需要人工看看")));

            assertThat(status(id)).isEqualTo("PENDING_REVIEW");
            assertThat(wallTotal()).isZero();
            assertThat(mvc.get().uri("/api/v1/admin/wishes?status=PENDING_REVIEW&communityId=" + community)
                    .header("Authorization", admin.bearer())).bodyJson().extractingPath("$.data.items[*].id").asArray()
                    .containsExactly((int) id);
            assertThat(detail(poster, id)).bodyJson().extractingPath("$.data.timeline[1].note").isEqualTo("CONTENT_REVIEW");
        }

        @Test
        void whenWeChatIsDownTheWishIsHeldNotLost() {
            weChat.contentCheckAnswers(WeChatStubs.serverError());

            MvcTestResult reply = post(poster, wishJson("WeChat 不在时"));

            assertThat(reply).hasStatusOk().bodyJson().extractingPath("$.data.status").isEqualTo("PENDING_REVIEW");
            long id = idOf(reply);
            assertThat(jdbc.queryForObject("select check_result from wish where id = ?", String.class, id))
                    .isEqualTo("UNAVAILABLE");
            assertThat(wallTotal()).as("never published unchecked").isZero();
        }

        @Test
        void whenWeChatIsSlowTheWishIsHeldNotLost() {
            weChat.contentCheckAnswers(WeChatStubs.slow(WeChatStubs.ok()));

            long id = idOf(post(poster, wishJson("WeChat 很慢时")));

            assertThat(status(id)).isEqualTo("PENDING_REVIEW");
            assertThat(jdbc.queryForObject("select check_result from wish where id = ?", String.class, id))
                    .isEqualTo("UNAVAILABLE");
        }

        @Test
        void whenWeChatAnswersAnErrcodeTheWishIsHeld() {
            weChat.contentCheckAnswers(WeChatStubs.errcode(61010));

            assertThat(status(idOf(post(poster, wishJson("过期的访问记录"))))).isEqualTo("PENDING_REVIEW");
        }

        @Test
        void aCommunityThatReviewsEveryWishHoldsEvenPassingOnes() {
            assertThat(mvc.put().uri("/api/v1/admin/wishes/policies/" + community).header("Authorization", admin.bearer())
                    .contentType("application/json").content("{\"reviewAll\":true}")).hasStatusOk();

            long id = idOf(post(poster, wishJson("全部审核")));

            assertThat(status(id)).isEqualTo("PENDING_REVIEW");
            assertThat(detail(poster, id)).bodyJson().extractingPath("$.data.timeline[1].note")
                    .isEqualTo("COMMUNITY_REVIEWS_ALL");
            assertThat(mvc.get().uri("/api/v1/admin/wishes/policies/" + community).header("Authorization", admin.bearer()))
                    .bodyJson().extractingPath("$.data.reviewAll").isEqualTo(true);
        }

        @Test
        void photosMustBeImagesUploadedHere() {
            String json = wishJson("有照片").replace("\"photos\":[]",
                    "\"photos\":[\"" + photoUrl(poster) + "\",\"https://evil.example.com/track.jpg\"]");

            assertThat(post(poster, json)).hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyJson().extractingPath("$.data.errors[0].field").isEqualTo("photos[1]");
            assertThat(wishesOf(poster)).isZero();
        }

        @Test
        void theWishKeepsItsPhotosInOrder() {
            String first = photoUrl(poster);
            String second = photoUrl(poster);
            String json = wishJson("两张照片").replace("\"photos\":[]", "\"photos\":[\"" + first + "\",\"" + second + "\"]");

            long id = idOf(post(poster, json));

            assertThat(detail(stranger, id)).bodyJson().extractingPath("$.data.photos").asArray()
                    .containsExactly(first, second);
            assertThat(mvc.get().uri("/api/v1/wishes?communityId=" + community).header("Authorization", stranger.bearer()))
                    .bodyJson().extractingPath("$.data.items[0].cover").isEqualTo(first);
        }

        @Test
        void anUnknownCategoryOrATitleOfSpacesNamesTheField() {
            assertThat(post(poster, wishJson("x修").replace("REPAIRS", "MAGIC"))).hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyJson().extractingPath("$.data.errors[0].field").isEqualTo("category");
            assertThat(post(poster, wishJson("\u3000\u3000\u3000"))).hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyJson().extractingPath("$.data.errors[*].field").asArray().contains("title");
        }
    }

    @Nested
    class Review {

        @Test
        void anAdminPublishesAHeldWishAndItIsAudited() {
            weChat.contentCheck("review");
            long id = idOf(post(poster, wishJson("待审")));

            assertThat(mvc.post().uri("/api/v1/admin/wishes/" + id + "/approve").header("Authorization", admin.bearer()))
                    .hasStatusOk().bodyJson().extractingPath("$.data.status").isEqualTo("OPEN");

            assertThat(status(id)).isEqualTo("OPEN");
            assertThat(wallTotal()).isEqualTo(1);
            assertThat(audit.of("wish", id)).extracting(AuditLog.Entry::action).containsExactly("wish.approve");
        }

        @Test
        void anAdminRejectsWithAReasonThePosterReadsAndIsToldOf() {
            weChat.contentCheck("review");
            long id = idOf(post(poster, wishJson("待审")));

            assertThat(mvc.post().uri("/api/v1/admin/wishes/" + id + "/reject").header("Authorization", admin.bearer())
                    .contentType("application/json").content("{\"reason\":\"请写清楚需要的帮助\"}")).hasStatusOk();

            assertThat(detail(poster, id)).bodyJson().extractingPath("$.data.rejectReason").isEqualTo("请写清楚需要的帮助");
            assertThat(status(id)).isEqualTo("REJECTED");
            assertThat(notices(poster, id)).containsExactly("WISH_REJECTED");
            assertThat(audit.of("wish", id)).extracting(AuditLog.Entry::action).containsExactly("wish.reject");
            assertThat(detail(stranger, id)).as("a rejected wish is nobody else's business").hasStatus(HttpStatus.NOT_FOUND);
        }

        @Test
        void anAdminOfAnotherCommunityDoesNotSeeTheWish() {
            weChat.contentCheck("review");
            long id = idOf(post(poster, wishJson("待审")));
            SignedIn otherAdmin = users.with(Role.ADMIN, regions.community());

            assertThat(mvc.post().uri("/api/v1/admin/wishes/" + id + "/approve").header("Authorization", otherAdmin.bearer()))
                    .hasStatus(HttpStatus.NOT_FOUND).bodyJson().extractingPath("$.code").isEqualTo(40002);
            assertThat(status(id)).isEqualTo("PENDING_REVIEW");
        }

        @Test
        void aPublishedWishCannotBeApprovedAgain() {
            long id = idOf(post(poster, wishJson("已发布")));

            assertThat(mvc.post().uri("/api/v1/admin/wishes/" + id + "/approve").header("Authorization", admin.bearer()))
                    .hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.data.status").isEqualTo("OPEN");
            assertThat(jdbc.queryForObject("select reviewed_by from wish where id = ?", Long.class, id)).isNull();
            assertThat(steps(id, "APPROVED")).isZero();
        }
    }

    @Nested
    class Claiming {

        @Test
        void aVolunteerClaimsAndThePosterIsTold() {
            long id = idOf(post(poster, wishJson("陪老人聊天")));

            MvcTestResult reply = claim(volunteer, id, key());

            assertThat(reply).hasStatusOk().bodyJson().extractingPath("$.data.status").isEqualTo("CLAIMED");
            assertThat(reply).bodyJson().extractingPath("$.data.claim.claimerId").isEqualTo((int) volunteer.id());
            assertThat(reply).bodyJson().extractingPath("$.data.claim.deadline").isEqualTo("2026-12-04T02:00:00Z");
            assertThat(jdbc.queryForObject("select claimer_id from wish where id = ?", Long.class, id)).isEqualTo(volunteer.id());
            assertThat(notices(poster, id)).containsExactly("WISH_CLAIMED");
            assertThat(jdbc.queryForObject("select data from notify_outbox where user_id = ? and kind = 'WISH_CLAIMED'",
                    String.class, poster.id())).contains("\"thing1\":\"陪老人聊天\"").contains("\"time3\":\"2026-12-01 10:00\"");
            assertThat(jdbc.queryForObject("select page from notify_outbox where user_id = ? and kind = 'WISH_CLAIMED'",
                    String.class, poster.id())).isEqualTo("pages/wish/detail?id=" + id);
            assertThat(mvc.get().uri("/api/v1/wishes/mine?role=claimer").header("Authorization", volunteer.bearer()))
                    .bodyJson().extractingPath("$.data.items[*].id").asArray().containsExactly((int) id);
            assertThat(mvc.get().uri("/api/v1/wishes/mine?role=poster").header("Authorization", poster.bearer()))
                    .bodyJson().extractingPath("$.data.items[*].id").asArray().containsExactly((int) id);
        }

        @Test
        void mineNamesOnlyPosterOrClaimer() {
            assertThat(mvc.get().uri("/api/v1/wishes/mine?role=admin").header("Authorization", poster.bearer()))
                    .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.data.errors[0].field").isEqualTo("role");
        }

        @Test
        void aResidentWhoIsNoVolunteerCannotClaim() {
            long id = idOf(post(poster, wishJson("陪老人聊天")));

            assertThat(claim(stranger, id, key())).hasStatus(HttpStatus.FORBIDDEN)
                    .bodyJson().extractingPath("$.code").isEqualTo(40006);
            assertThat(status(id)).isEqualTo("OPEN");
        }

        @Test
        void aVolunteerOfAnotherCommunityNeitherClaimsNorIsDispatchedTheWish() {
            long id = idOf(post(poster, wishJson("帮忙取快递")));
            SignedIn elsewhere = users.with(Role.VOLUNTEER, regions.community());

            assertThat(mvc.get().uri("/api/v1/wishes/" + id).header("Authorization", elsewhere.bearer()))
                    .bodyJson().extractingPath("$.data.actions").asArray().doesNotContain("CLAIM");
            assertThat(claim(elsewhere, id, key())).hasStatus(HttpStatus.FORBIDDEN)
                    .bodyJson().extractingPath("$.code").isEqualTo(40006);
            assertThat(mvc.post().uri("/api/v1/admin/wishes/" + id + "/dispatch").header("Authorization", admin.bearer())
                    .contentType("application/json").content("{\"volunteerId\":" + elsewhere.id() + "}"))
                    .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.data.errors[0].field")
                    .isEqualTo("volunteerId");
            assertThat(jdbc.queryForMap("select status, claimer_id, assignee_id from wish where id = ?", id))
                    .containsEntry("status", "OPEN").containsEntry("claimer_id", null).containsEntry("assignee_id", null);
        }

        @Test
        void thePosterCannotClaimTheirOwnWish() {
            users.grant(poster, Role.VOLUNTEER, community);
            long id = idOf(post(poster, wishJson("自己的")));

            assertThat(claim(poster, id, key())).hasStatus(HttpStatus.FORBIDDEN)
                    .bodyJson().extractingPath("$.code").isEqualTo(40007);
            assertThat(status(id)).isEqualTo("OPEN");
            assertThat(jdbc.queryForObject("select claimer_id from wish where id = ?", Long.class, id)).isNull();
        }

        @Test
        void aRetryWithTheSameKeyGetsTheFirstReplyAndClaimsOnce() {
            long id = idOf(post(poster, wishJson("重试")));
            String key = key();

            assertThat(claim(volunteer, id, key)).hasStatusOk();
            assertThat(claim(volunteer, id, key)).hasStatusOk().bodyJson().extractingPath("$.data.status").isEqualTo("CLAIMED");

            assertThat(steps(id, "CLAIMED")).isEqualTo(1);
            assertThat(claim(volunteer, id, null)).as("the key is required").hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyJson().extractingPath("$.data.errors[0].field").isEqualTo("Idempotency-Key");
        }

        @Test
        void aSecondVolunteerGets409NamingTheState() {
            long id = idOf(post(poster, wishJson("先到先得")));
            claim(volunteer, id, key());

            assertThat(claim(secondVolunteer, id, key())).hasStatus(HttpStatus.CONFLICT)
                    .bodyJson().extractingPath("$.data.status").isEqualTo("CLAIMED");
            assertThat(jdbc.queryForObject("select claimer_id from wish where id = ?", Long.class, id)).isEqualTo(volunteer.id());
        }

        @Test
        void theClaimerReleasesItBackToTheWallAndThePosterIsTold() {
            long id = idOf(post(poster, wishJson("放弃")));
            claim(volunteer, id, key());

            assertThat(mvc.post().uri("/api/v1/wishes/" + id + "/release").header("Authorization", volunteer.bearer())
                    .contentType("application/json").content("{\"reason\":\"临时出差\"}")).hasStatusOk()
                    .bodyJson().extractingPath("$.data.status").isEqualTo("OPEN");

            assertThat(jdbc.queryForObject("select claimer_id from wish where id = ?", Long.class, id)).isNull();
            assertThat(notices(poster, id)).containsExactly("WISH_CLAIMED", "WISH_RELEASED");
            assertThat(claim(secondVolunteer, id, key())).as("another may take it now").hasStatusOk();
        }

        @Test
        void aClaimPastItsDeadlineReturnsToTheWallWithHistoryAndNoticesToBoth() {
            long id = idOf(post(poster, wishJson("超时")));
            claim(volunteer, id, key());
            clock.set(clock.instant().plus(Duration.ofHours(71)));
            claims.expireDue();
            assertThat(status(id)).as("not yet due").isEqualTo("CLAIMED");

            clock.set(clock.instant().plus(Duration.ofHours(2)));
            claims.expireDue(); // other tests' wishes may expire too: what counts is this one

            assertThat(status(id)).isEqualTo("OPEN");
            assertThat(jdbc.queryForObject("select claimer_id from wish where id = ?", Long.class, id)).isNull();
            assertThat(detail(poster, id)).bodyJson().extractingPath("$.data.timeline[-1:].step").asArray()
                    .containsExactly("EXPIRED");
            assertThat(notices(poster, id)).containsExactly("WISH_CLAIMED", "WISH_RELEASED");
            assertThat(notices(volunteer, id)).containsExactly("WISH_RELEASED");
            claims.expireDue();
            assertThat(steps(id, "EXPIRED")).as("once").isEqualTo(1);
        }
    }

    @Nested
    class Dispatch {

        @Test
        void anAdminDispatchesToANamedVolunteerWhoIsToldAndAccepts() {
            long id = idOf(post(poster, wishJson("派单")));

            assertThat(dispatch(id, volunteer.id())).hasStatusOk().bodyJson().extractingPath("$.data.status").isEqualTo("DISPATCHED");
            assertThat(notices(volunteer, id)).containsExactly("WISH_DISPATCHED");
            assertThat(claim(secondVolunteer, id, key())).as("not on offer to others").hasStatus(HttpStatus.CONFLICT);
            assertThat(mvc.post().uri("/api/v1/wishes/" + id + "/accept").header("Authorization", secondVolunteer.bearer()))
                    .hasStatus(HttpStatus.FORBIDDEN).bodyJson().extractingPath("$.code").isEqualTo(40011);

            assertThat(mvc.post().uri("/api/v1/wishes/" + id + "/accept").header("Authorization", volunteer.bearer()))
                    .hasStatusOk().bodyJson().extractingPath("$.data.status").isEqualTo("CLAIMED");
            assertThat(jdbc.queryForObject("select claimer_id from wish where id = ?", Long.class, id)).isEqualTo(volunteer.id());
            assertThat(audit.of("wish", id)).extracting(AuditLog.Entry::action).containsExactly("wish.dispatch");
        }

        @Test
        void aDeclinedDispatchGoesBackToTheWall() {
            long id = idOf(post(poster, wishJson("派单")));
            dispatch(id, volunteer.id());

            assertThat(mvc.post().uri("/api/v1/wishes/" + id + "/decline").header("Authorization", volunteer.bearer())
                    .contentType("application/json").content("{\"reason\":\"不在附近\"}")).hasStatusOk();

            assertThat(status(id)).isEqualTo("OPEN");
            assertThat(jdbc.queryForObject("select assignee_id from wish where id = ?", Long.class, id)).isNull();
        }

        @Test
        void anUnansweredDispatchExpiresBackToTheWall() {
            long id = idOf(post(poster, wishJson("派单")));
            dispatch(id, volunteer.id());
            clock.set(clock.instant().plus(Duration.ofHours(73)));

            claims.expireDue();

            assertThat(status(id)).isEqualTo("OPEN");
            assertThat(notices(volunteer, id)).containsExactly("WISH_DISPATCHED", "WISH_RELEASED");
        }

        @Test
        void onlyVolunteersCanBeDispatchedTo() {
            long id = idOf(post(poster, wishJson("派单")));

            assertThat(dispatch(id, stranger.id())).hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyJson().extractingPath("$.data.errors[0].field").isEqualTo("volunteerId");
            assertThat(status(id)).isEqualTo("OPEN");
        }
    }

    @Nested
    class Fulfilment {

        @Test
        void theWholeLoopEndsWithPointsForTheClaimerOnce() {
            long id = idOf(post(poster, wishJson("修水龙头")));
            claim(volunteer, id, key());
            clock.set(clock.instant().plus(Duration.ofHours(5)));
            String photo = photoUrl(volunteer);

            MvcTestResult fulfilled = fulfil(volunteer, id, photo);

            assertThat(fulfilled).hasStatusOk().bodyJson().extractingPath("$.data.fulfilment.photos").asArray()
                    .containsExactly(photo);
            assertThat(jdbc.queryForObject("select created_at from wish_photo where wish_id = ? and event_id is not null",
                    java.sql.Timestamp.class, id).toInstant()).as("纪实 is stamped with the server's time")
                    .isEqualTo(Instant.parse("2026-12-01T07:00:00Z"));
            assertThat(notices(poster, id)).containsExactly("WISH_CLAIMED", "WISH_FULFILLED");

            MvcTestResult confirmed = confirm(poster, id, 5, "修好了，谢谢！");

            assertThat(confirmed).hasStatusOk().bodyJson().extractingPath("$.data.status").isEqualTo("CONFIRMED");
            assertThat(confirmed).bodyJson().extractingPath("$.data.confirmation.rating").isEqualTo(5);
            assertThat(balance(volunteer)).isEqualTo(20);
            assertThat(awards(volunteer, id)).isEqualTo(1);
            assertThat(confirm(poster, id, 5, "again")).hasStatus(HttpStatus.CONFLICT)
                    .bodyJson().extractingPath("$.data.status").isEqualTo("CONFIRMED");
            assertThat(balance(volunteer)).isEqualTo(20);
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                    "select count(*) from (select ID from EVENT_PUBLICATION where EVENT_TYPE like '%WishConfirmed' "
                            + "and SERIALIZED_EVENT like ? union all select ID from EVENT_PUBLICATION_ARCHIVE "
                            + "where EVENT_TYPE like '%WishConfirmed' and SERIALIZED_EVENT like ?) published",
                    Integer.class, "%\"wishId\":" + id + ",%", "%\"wishId\":" + id + ",%") >= 1);
        }

        @Test
        void aFulfilmentNeedsANoteAndAPhoto() {
            long id = idOf(post(poster, wishJson("修水龙头")));
            claim(volunteer, id, key());

            assertThat(mvc.post().uri("/api/v1/wishes/" + id + "/fulfil").header("Authorization", volunteer.bearer())
                    .contentType("application/json").content("{\"note\":\"修好了\",\"photos\":[]}"))
                    .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.data.errors[0].field").isEqualTo("photos");
            assertThat(status(id)).isEqualTo("CLAIMED");
        }

        @Test
        void aFulfilmentNobodyConfirmsIsConfirmedAfterSevenDays() {
            long id = fulfilledWish();
            clock.set(clock.instant().plus(Duration.ofDays(6)));
            completion.autoConfirmDue();
            assertThat(status(id)).as("not yet due").isEqualTo("FULFILLED");

            clock.set(clock.instant().plus(Duration.ofDays(1).plusMinutes(1)));
            completion.autoConfirmDue();

            assertThat(status(id)).isEqualTo("CONFIRMED");
            assertThat(detail(poster, id)).bodyJson().extractingPath("$.data.confirmation.automatic").isEqualTo(true);
            assertThat(balance(volunteer)).isEqualTo(20);
        }

        @Test
        void aDisputeGoesToTheAdminWhoCanSendItBackToTheWall() {
            long id = fulfilledWish();

            assertThat(mvc.post().uri("/api/v1/wishes/" + id + "/dispute").header("Authorization", poster.bearer())
                    .contentType("application/json").content("{\"reason\":\"灯还是不亮\"}")).hasStatusOk();
            assertThat(status(id)).isEqualTo("DISPUTED");
            clock.set(clock.instant().plus(Duration.ofDays(8)));
            completion.autoConfirmDue();
            assertThat(status(id)).as("a disputed wish is not confirmed by the clock").isEqualTo("DISPUTED");

            assertThat(resolve(id, "REOPEN")).hasStatusOk().bodyJson().extractingPath("$.data.status").isEqualTo("OPEN");
            assertThat(jdbc.queryForObject("select claimer_id from wish where id = ?", Long.class, id)).isNull();
            assertThat(balance(volunteer)).isZero();
            assertThat(audit.of("wish", id)).extracting(AuditLog.Entry::action).contains("wish.resolve");
        }

        @Test
        void anAdminMayConfirmADisputedWishAndTheClaimerEarnsOnce() {
            long id = fulfilledWish();
            mvc.post().uri("/api/v1/wishes/" + id + "/dispute").header("Authorization", poster.bearer())
                    .contentType("application/json").content("{\"reason\":\"不满意\"}").exchange();

            assertThat(resolve(id, "CONFIRM")).hasStatusOk().bodyJson().extractingPath("$.data.status").isEqualTo("CONFIRMED");
            assertThat(balance(volunteer)).isEqualTo(20);
            assertThat(resolve(id, "CONFIRM")).hasStatus(HttpStatus.CONFLICT);
            assertThat(awards(volunteer, id)).isEqualTo(1);
        }

        @Test
        void anAdminWhoClaimedTheWishCannotSettleItsDisputeByConfirming() {
            users.grant(admin, Role.VOLUNTEER, community);
            long id = idOf(post(poster, wishJson("管理员认领")));
            assertThat(claim(admin, id, key())).hasStatusOk();
            fulfil(admin, id, photoUrl(admin));
            mvc.post().uri("/api/v1/wishes/" + id + "/dispute").header("Authorization", poster.bearer())
                    .contentType("application/json").content("{\"reason\":\"不满意\"}").exchange();

            assertThat(resolve(id, "CONFIRM")).hasStatus(HttpStatus.FORBIDDEN).bodyJson().extractingPath("$.code")
                    .isEqualTo(40016);
            assertThat(status(id)).isEqualTo("DISPUTED");
            assertThat(balance(admin)).isZero();
        }

        @Test
        void thePosterCancelsAClaimedWishAndTheClaimerIsTold() {
            long id = idOf(post(poster, wishJson("不需要了")));
            claim(volunteer, id, key());

            assertThat(cancel(poster, id)).hasStatusOk().bodyJson().extractingPath("$.data.status").isEqualTo("CANCELLED");

            assertThat(notices(volunteer, id)).containsExactly("WISH_CANCELLED");
            assertThat(detail(volunteer, id)).as("the former claimer still sees what happened").hasStatusOk();
            assertThat(detail(stranger, id)).hasStatus(HttpStatus.NOT_FOUND);
        }

        @Test
        void anyOtherTransitionIs409NamingTheCurrentState() {
            long id = fulfilledWish();

            assertThat(cancel(poster, id)).hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.data.status")
                    .isEqualTo("FULFILLED");
            assertThat(fulfil(volunteer, id, photoUrl(volunteer))).hasStatus(HttpStatus.CONFLICT)
                    .bodyJson().extractingPath("$.code").isEqualTo(40003);
            long open = idOf(post(poster, wishJson("刚发布")));
            assertThat(confirm(poster, open, 5, null)).hasStatus(HttpStatus.CONFLICT)
                    .bodyJson().extractingPath("$.data.status").isEqualTo("OPEN");
            assertThat(status(id)).isEqualTo("FULFILLED");
        }
    }

    @Nested
    class Privacy {

        @Test
        void thePosterAndTheClaimerSeeTheContactAndEachRevealIsAudited() {
            long id = idOf(post(poster, wishJson("联系方式")));
            claim(volunteer, id, key());

            MvcTestResult byClaimer = contact(volunteer, id);
            assertThat(byClaimer).hasStatusOk().bodyJson().extractingPath("$.data.phone").isEqualTo("13912345678");
            assertThat(byClaimer).bodyJson().extractingPath("$.data.address").isEqualTo("3号楼2单元501");
            assertThat(byClaimer).bodyJson().extractingPath("$.data.name").isEqualTo("张阿姨");
            MvcTestResult byPoster = contact(poster, id);
            assertThat(byPoster).hasStatusOk().bodyJson().extractingPath("$.data.claimer.userId").isEqualTo((int) volunteer.id());

            assertThat(audit.of("wish", id)).extracting(AuditLog.Entry::actorId).containsExactly(volunteer.id(), poster.id());
            assertThat(audit.of("wish", id)).extracting(AuditLog.Entry::action).containsOnly("wish.reveal-contact");
        }

        @Test
        void anotherResidentCannotReadTheContactFulfilConfirmOrCancel() {
            long id = idOf(post(poster, wishJson("别人的心愿")));
            claim(volunteer, id, key());

            assertThat(contact(stranger, id)).hasStatus(HttpStatus.FORBIDDEN).bodyJson().extractingPath("$.code").isEqualTo(40010);
            assertThat(contact(secondVolunteer, id)).hasStatus(HttpStatus.FORBIDDEN);
            assertThat(fulfil(stranger, id, photoUrl(stranger))).hasStatus(HttpStatus.FORBIDDEN)
                    .bodyJson().extractingPath("$.code").isEqualTo(40009);
            assertThat(cancel(stranger, id)).hasStatus(HttpStatus.FORBIDDEN).bodyJson().extractingPath("$.code").isEqualTo(40008);
            fulfil(volunteer, id, photoUrl(volunteer));
            assertThat(confirm(stranger, id, 1, "坏评")).hasStatus(HttpStatus.FORBIDDEN)
                    .bodyJson().extractingPath("$.code").isEqualTo(40008);
            assertThat(confirm(volunteer, id, 5, "自己给自己好评")).hasStatus(HttpStatus.FORBIDDEN);

            assertThat(status(id)).isEqualTo("FULFILLED");
            assertThat(audit.of("wish", id)).isEmpty();
            assertThat(balance(volunteer)).isZero();
        }

        @Test
        void thePosterSeesTheClaimersPhoneOnlyWhileTheWishIsClaimed() {
            long confirmed = idOf(post(poster, wishJson("确认后")));
            claim(volunteer, confirmed, key());
            assertThat(contact(poster, confirmed)).bodyJson().extractingPath("$.data.claimer.phone").isEqualTo("13700001111");
            fulfil(volunteer, confirmed, photoUrl(volunteer));
            assertThat(confirm(poster, confirmed, 5, null)).hasStatusOk();
            long cancelled = idOf(post(poster, wishJson("取消后")));
            claim(volunteer, cancelled, key());
            assertThat(cancel(poster, cancelled)).hasStatusOk();

            for (long id : new long[] {confirmed, cancelled}) {
                MvcTestResult afterwards = contact(poster, id);
                assertThat(afterwards).hasStatusOk().bodyJson().extractingPath("$.data.claimer").isNull();
                assertThat(Http.body(afterwards)).doesNotContain("13700001111");
            }
        }

        @Test
        void theFulfilmentNotePhotosAndTheConfirmationCommentAreForTheWishsPeopleOnly() {
            long id = idOf(post(poster, wishJson("纪实")));
            claim(volunteer, id, key());
            String photo = photoUrl(volunteer);
            fulfil(volunteer, id, photo);
            confirm(poster, id, 4, "谢谢小李");

            MvcTestResult seenByStranger = detail(stranger, id);
            assertThat(seenByStranger).hasStatusOk().bodyJson().extractingPath("$.data.fulfilment.note").isNull();
            assertThat(seenByStranger).bodyJson().extractingPath("$.data.fulfilment.photos").asArray().isEmpty();
            assertThat(seenByStranger).bodyJson().extractingPath("$.data.confirmation.comment").isNull();
            assertThat(seenByStranger).bodyJson().extractingPath("$.data.confirmation.rating").isEqualTo(4);
            assertThat(Http.body(seenByStranger)).doesNotContain("换了新灯泡", "谢谢小李", photo);
            for (SignedIn party : List.of(poster, volunteer, admin)) {
                MvcTestResult seen = detail(party, id);
                assertThat(seen).bodyJson().extractingPath("$.data.fulfilment.note").isEqualTo("换了新灯泡");
                assertThat(seen).bodyJson().extractingPath("$.data.fulfilment.photos").asArray().containsExactly(photo);
                assertThat(seen).bodyJson().extractingPath("$.data.confirmation.comment").isEqualTo("谢谢小李");
            }
        }

        @Test
        void aFormerClaimerLosesTheContactWithTheClaim() {
            long id = idOf(post(poster, wishJson("放弃后")));
            claim(volunteer, id, key());
            mvc.post().uri("/api/v1/wishes/" + id + "/release").header("Authorization", volunteer.bearer()).exchange();

            assertThat(contact(volunteer, id)).hasStatus(HttpStatus.FORBIDDEN);
        }

        @Test
        void aWishNotYetPublishedDoesNotExistForOthers() {
            weChat.contentCheck("review");
            long id = idOf(post(poster, wishJson("待审")));

            assertThat(detail(stranger, id)).hasStatus(HttpStatus.NOT_FOUND).bodyJson().extractingPath("$.code").isEqualTo(40002);
            assertThat(contact(stranger, id)).hasStatus(HttpStatus.NOT_FOUND);
            assertThat(cancel(stranger, id)).hasStatus(HttpStatus.NOT_FOUND);
            assertThat(detail(poster, id)).hasStatusOk();
        }

        @Test
        void strangersSeeTheTimelineWithoutItsNotes() {
            long id = idOf(post(poster, wishJson("备注")));
            claim(volunteer, id, key());
            mvc.post().uri("/api/v1/wishes/" + id + "/release").header("Authorization", volunteer.bearer())
                    .contentType("application/json").content("{\"reason\":\"家里有事\"}").exchange();

            assertThat(Http.body(detail(stranger, id))).doesNotContain("家里有事");
            assertThat(Http.body(detail(poster, id))).contains("家里有事");
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    long fulfilledWish() {
        long id = idOf(post(poster, wishJson("修楼道灯")));
        claim(volunteer, id, key());
        assertThat(fulfil(volunteer, id, photoUrl(volunteer))).hasStatusOk();
        return id;
    }

    MvcTestResult dispatch(long id, long volunteerId) {
        return mvc.post().uri("/api/v1/admin/wishes/" + id + "/dispatch").header("Authorization", admin.bearer())
                .contentType("application/json").content("{\"volunteerId\":" + volunteerId + "}").exchange();
    }

    MvcTestResult resolve(long id, String outcome) {
        return mvc.post().uri("/api/v1/admin/wishes/" + id + "/resolve").header("Authorization", admin.bearer())
                .contentType("application/json").content("{\"outcome\":\"" + outcome + "\",\"reason\":\"已核实\"}").exchange();
    }

    MvcTestResult contact(SignedIn who, long id) {
        return mvc.get().uri("/api/v1/wishes/" + id + "/contact").header("Authorization", who.bearer()).exchange();
    }

    int wallTotal() {
        return Http.read(mvc.get().uri("/api/v1/wishes?communityId=" + community).header("Authorization", stranger.bearer())
                .exchange(), "$.data.total");
    }

    int wishesOf(SignedIn who) {
        return jdbc.queryForObject("select count(*) from wish where poster_id = ?", Integer.class, who.id());
    }

    /** The notices queued for {@code who} about wish {@code id}, in order. */
    List<String> notices(SignedIn who, long id) {
        return jdbc.queryForList("select kind from notify_outbox where user_id = ? and dedupe_key like ? order by id",
                String.class, who.id(), "wish-%:" + id + ":%");
    }

    static String key() {
        return UUID.randomUUID().toString();
    }
}
