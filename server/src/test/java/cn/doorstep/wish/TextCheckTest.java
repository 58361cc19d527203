package cn.doorstep.wish;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.MutableClock;
import cn.doorstep.support.TestServers;
import cn.doorstep.support.WeChatStubs;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Free text beyond a wish's title goes through WeChat's content check as its author: fulfil notes,
 * rating comments, dispute reasons and nicknames. Risky is refused and nothing is stored; for a
 * wish's texts, review or no answer is stored and flags the wish for its admin.
 */
@IntegrationTest
class TextCheckTest extends WishTestSupport {

    @Autowired
    MutableClock clock;

    final WeChatStubs weChat = WeChatStubs.of(TestServers.get());

    long wish;

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-12-01T02:00:00Z"));
        weChat.reset();
        weChat.accessToken();
        weChat.contentCheck("pass");
        contentCheckAnswersInTime();
        setUpPeople();
        wish = idOf(post(poster, wishJson("文字检查")));
        assertThat(claim(volunteer, wish, UUID.randomUUID().toString())).hasStatusOk();
    }

    @AfterEach
    void resetClock() {
        clock.set(Instant.now());
        weChat.contentCheck("pass"); // texts are checked elsewhere too (nicknames, activities): leave no refusal behind
    }

    @Nested
    class FulfilNotes {

        @Test
        void aRiskyNoteIsRefusedNamingTheNoteAndNothingIsStored() {
            weChat.contentCheck("risky");

            assertThat(fulfil(volunteer, wish, photoUrl(volunteer))).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY)
                    .bodyJson().satisfies(body -> {
                        assertThat(body).extractingPath("$.code").isEqualTo(40017);
                        assertThat(body).extractingPath("$.data.errors[0].field").isEqualTo("note");
                    });

            assertThat(status(wish)).isEqualTo("CLAIMED");
            assertThat(jdbc.queryForObject("select fulfil_note from wish where id = ?", String.class, wish)).isNull();
            weChat.server().verify(postRequestedFor(urlPathEqualTo("/wxa/msg_sec_check"))
                    .withRequestBody(matchingJsonPath("$.content", equalTo("换了新灯泡")))
                    .withRequestBody(matchingJsonPath("$.openid", equalTo(openidOf(volunteer.id())))));
        }

        @Test
        void aNoteWeChatWantsAPersonForIsStoredAndFlagsTheWishForTheAdmin() {
            weChat.contentCheck("review");

            assertThat(fulfil(volunteer, wish, photoUrl(volunteer))).hasStatusOk();

            assertThat(status(wish)).isEqualTo("FULFILLED");
            assertThat(flagOf(wish)).isEqualTo("TEXT_REVIEW");
            assertThat(mvc.get().uri("/api/v1/admin/wishes?flagged=true&communityId=" + community)
                    .header("Authorization", admin.bearer())).bodyJson().extractingPath("$.data.items[*].id").asArray()
                    .containsExactly((int) wish);
            assertThat(detail(admin, wish)).bodyJson().extractingPath("$.data.flag.reason").isEqualTo("TEXT_REVIEW");
            assertThat(detail(stranger, wish)).bodyJson().extractingPath("$.data.flag").isNull();
        }

        @Test
        void aNoteWeChatCouldNotCheckIsStoredAndFlaggedAsUnchecked() {
            weChat.contentCheckAnswers(WeChatStubs.serverError());

            assertThat(fulfil(volunteer, wish, photoUrl(volunteer))).hasStatusOk();

            assertThat(status(wish)).isEqualTo("FULFILLED");
            assertThat(flagOf(wish)).isEqualTo("TEXT_UNCHECKED");
        }
    }

    @Test
    void aRiskyRatingCommentIsRefusedAndTheWishStaysUnconfirmed() {
        assertThat(fulfil(volunteer, wish, photoUrl(volunteer))).hasStatusOk();
        weChat.contentCheck("risky");

        assertThat(confirm(poster, wish, 5, "不当评论")).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY)
                .bodyJson().extractingPath("$.data.errors[0].field").isEqualTo("comment");

        assertThat(status(wish)).isEqualTo("FULFILLED");
        assertThat(awards(volunteer, wish)).isZero();
    }

    @Test
    void aRiskyDisputeReasonIsRefusedAndTheWishStaysFulfilled() {
        assertThat(fulfil(volunteer, wish, photoUrl(volunteer))).hasStatusOk();
        weChat.contentCheck("risky");

        MvcTestResult reply = mvc.post().uri("/api/v1/wishes/" + wish + "/dispute").header("Authorization", poster.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"不当理由\"}").exchange();

        assertThat(reply).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY).bodyJson().extractingPath("$.data.errors[0].field")
                .isEqualTo("reason");
        assertThat(status(wish)).isEqualTo("FULFILLED");
        assertThat(jdbc.queryForObject("select dispute_reason from wish where id = ?", String.class, wish)).isNull();
    }

    @Nested
    class Nicknames {

        @Test
        void aRiskyNicknameIsRefusedAndTheOldOneKept() {
            assertThat(patchMe("{\"nickname\":\"老王\"}")).hasStatusOk();
            weChat.contentCheck("risky");

            assertThat(patchMe("{\"nickname\":\"不当昵称\"}")).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY)
                    .bodyJson().satisfies(body -> {
                        assertThat(body).extractingPath("$.code").isEqualTo(14009);
                        assertThat(body).extractingPath("$.data.errors[0].field").isEqualTo("nickname");
                    });

            assertThat(nicknameOf(poster.id())).isEqualTo("老王");
            weChat.server().verify(postRequestedFor(urlPathEqualTo("/wxa/msg_sec_check"))
                    .withRequestBody(matchingJsonPath("$.content", equalTo("不当昵称")))
                    .withRequestBody(matchingJsonPath("$.scene", equalTo("1"))));
        }

        @Test
        void aNicknameWeChatWantsAPersonForIsRefusedToo() {
            weChat.contentCheck("review");

            assertThat(patchMe("{\"nickname\":\"可疑昵称\"}")).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY);

            assertThat(nicknameOf(poster.id())).isNotEqualTo("可疑昵称");
        }

        @Test
        void aNicknameIsSavedWhenWeChatDoesNotAnswer() {
            weChat.contentCheckAnswers(WeChatStubs.serverError());

            assertThat(patchMe("{\"nickname\":\"老李\"}")).hasStatusOk();

            assertThat(nicknameOf(poster.id())).isEqualTo("老李");
        }

        MvcTestResult patchMe(String json) {
            return mvc.patch().uri("/api/v1/me").header("Authorization", poster.bearer())
                    .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
        }
    }

    String flagOf(long id) {
        return jdbc.queryForObject("select flag_reason from wish where id = ?", String.class, id);
    }

    String nicknameOf(long userId) {
        return jdbc.queryForObject("select nickname from app_user where id = ?", String.class, userId);
    }

    String openidOf(long userId) {
        return jdbc.queryForObject("select openid from app_user where id = ?", String.class, userId);
    }
}
