package cn.doorstep.wish;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.common.Role;
import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.MutableClock;
import cn.doorstep.support.Parallel;
import cn.doorstep.support.TestServers;
import cn.doorstep.support.TestUsers.SignedIn;
import cn.doorstep.support.WeChatStubs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The wish's scarce things under parallel requests: one claimer, the cap on open claims, one points award. */
@IntegrationTest
class WishRaceTest extends WishTestSupport {

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

    @Test
    void aHundredVolunteersClaimingOneWishAtOnceLeaveExactlyOneClaimer() {
        long id = openWish("帮忙搬家");
        List<SignedIn> volunteers = Parallel.run(100, 8, i -> users.with(Role.VOLUNTEER, community));

        List<MvcTestResult> replies = Parallel.run(100, 16, i -> claim(volunteers.get(i), id, key()));

        List<Integer> statuses = replies.stream().map(r -> r.getResponse().getStatus()).toList();
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(99);
        int winner = statuses.indexOf(200);
        assertThat(jdbc.queryForObject("select claimer_id from wish where id = ?", Long.class, id))
                .isEqualTo(volunteers.get(winner).id());
        assertThat(replies.stream().filter(r -> r.getResponse().getStatus() == 409)
                .map(r -> (Integer) Http.read(r, "$.code"))).containsOnly(40004);
        assertThat(steps(id, "CLAIMED")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from notify_outbox where user_id = ? and kind = 'WISH_CLAIMED'",
                Integer.class, poster.id())).isEqualTo(1);
    }

    @Test
    void aVolunteerFiringClaimsAtEightWishesAtOnceGetsNoMoreThanTheCap() {
        List<Long> ids = IntStream.range(0, 8).mapToObj(i -> openWish("心愿" + i)).toList();

        List<Integer> statuses = Parallel.run(8, 8, i -> claim(volunteer, ids.get(i), key()).getResponse().getStatus());

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(3);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(5);
        assertThat(openClaims(volunteer)).isEqualTo(3);
        long spare = ids.get(statuses.indexOf(409));
        assertThat(claim(volunteer, spare, key())).hasStatus(409).bodyJson().extractingPath("$.data.limit").isEqualTo(3);

        long held = ids.get(statuses.indexOf(200));
        assertThat(fulfil(volunteer, held, photoUrl(volunteer))).hasStatusOk();
        assertThat(claim(volunteer, spare, key())).as("a fulfilled claim makes room").hasStatusOk();
        assertThat(openClaims(volunteer)).isEqualTo(3);
    }

    @Test
    void aVolunteerAtTheCapStaysThereWhenClaimsAndAcceptsArriveTogether() {
        claim(volunteer, openWish("已认领一"), key());
        claim(volunteer, openWish("已认领二"), key());
        long dispatched = openWish("派单");
        mvc.post().uri("/api/v1/admin/wishes/" + dispatched + "/dispatch").header("Authorization", admin.bearer())
                .contentType("application/json").content("{\"volunteerId\":" + volunteer.id() + "}").exchange();
        List<Long> open = IntStream.range(0, 4).mapToObj(i -> openWish("开放" + i)).toList();

        List<Integer> statuses = Parallel.run(5, 5, i -> (i == 4
                ? mvc.post().uri("/api/v1/wishes/" + dispatched + "/accept").header("Authorization", volunteer.bearer()).exchange()
                : claim(volunteer, open.get(i), key())).getResponse().getStatus());

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(openClaims(volunteer)).isEqualTo(3);
    }

    @Test
    void confirmationsRetriedAndRacingTheAutomaticOneAwardThePointsExactlyOnce() {
        long id = openWish("修自行车");
        claim(volunteer, id, key());
        fulfil(volunteer, id, photoUrl(volunteer));
        clock.set(clock.instant().plus(Duration.ofDays(8))); // the automatic confirmation is due as well

        List<Integer> statuses = Parallel.run(12, 12, i -> i % 4 == 0
                ? completion.autoConfirmDue() >= 0 ? 0 : -1
                : confirm(poster, id, 4, "谢谢").getResponse().getStatus());

        assertThat(statuses).allMatch(s -> s == 0 || s == 200 || s == 409);
        assertThat(status(id)).isEqualTo("CONFIRMED");
        assertThat(awards(volunteer, id)).isEqualTo(1);
        assertThat(balance(volunteer)).isEqualTo(20);
        assertThat(steps(id, "CONFIRMED") + steps(id, "AUTO_CONFIRMED")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select sum(delta) from points_ledger where user_id = ?", Long.class,
                volunteer.id())).isEqualTo(20);
    }

    long openWish(String title) {
        long id = idOf(post(poster, wishJson(title)));
        assertThat(status(id)).isEqualTo("OPEN");
        return id;
    }

    int openClaims(SignedIn who) {
        return jdbc.queryForObject("select count(*) from wish where claimer_id = ? and status = 'CLAIMED'", Integer.class,
                who.id());
    }

    static String key() {
        return UUID.randomUUID().toString();
    }
}
