package cn.doorstep.deliberation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.common.Role;
import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.Parallel;
import cn.doorstep.support.TestUsers.SignedIn;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** What many people do to one topic at once: exactly one decision, one second each, the last task makes it DONE. */
@IntegrationTest
class DeliberationRaceTest extends DeliberationTestSupport {

    @BeforeEach
    void setUp() {
        setUpCommunity();
    }

    @AfterEach
    void resetClock() {
        clock.set(Instant.now());
    }

    @Test
    void ofAdminsAcceptingAndDecliningABrandNewProposalAtOnceExactlyOneWins() {
        for (int round = 0; round < 3; round++) {
            long topic = proposed();
            List<SignedIn> admins = IntStream.range(0, 8).mapToObj(i -> users.with(Role.ADMIN, community)).toList();

            List<MvcTestResult> replies = Parallel.run(8, 8, i -> i % 2 == 0
                    ? post(admins.get(i), "/api/v1/admin/topics/" + topic + "/accept", null)
                    : post(admins.get(i), "/api/v1/admin/topics/" + topic + "/decline", "{\"reason\":\"重复议题\"}"));

            List<MvcTestResult> won = replies.stream().filter(r -> r.getResponse().getStatus() == 200).toList();
            assertThat(won).hasSize(1);
            assertThat(replies.stream().filter(r -> r.getResponse().getStatus() == 409)
                    .map(r -> ((Number) Http.read(r, "$.code")).intValue())).hasSize(7).containsOnly(61004);
            String status = Http.read(won.get(0), "$.data.status");
            assertThat(topicStatus(topic)).isEqualTo(status);
            assertThat(audits("deliberation.topic.accept", "deliberation_topic", topic)
                    + audits("deliberation.topic.decline", "deliberation_topic", topic)).isEqualTo(1);
        }
    }

    @Test
    void tenSecondsByOneBrandNewResidentAtOnceCountOnce() {
        long topic = proposed();
        SignedIn fresh = residentOf(community);

        List<Integer> statuses = Parallel.run(10, 10,
                i -> post(fresh, "/api/v1/topics/" + topic + "/support", null).getResponse().getStatus());

        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
        assertThat(statuses.stream().filter(s -> s == 409)).hasSize(9);
        assertThat(jdbc.queryForObject("select supporters from deliberation_topic where id = ?", Integer.class, topic))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from deliberation_support where topic_id = ?", Integer.class,
                topic)).isEqualTo(1);
    }

    @Test
    void theLastTasksDoneAtOnceByTheirOwnersLeaveTheTopicDone() {
        for (int round = 0; round < 3; round++) {
            long topic = accepted();
            long meeting = number(schedule(admin, topic, "2026-12-05T14:00:00", "2026-12-05T15:00:00", null),
                    "$.data.meetings[0].id");
            clock.set(Instant.parse("2026-12-05T07:00:00Z"));
            List<SignedIn> owners = IntStream.range(0, 4).mapToObj(i -> residentOf(community)).toList();
            StringBuilder tasks = new StringBuilder();
            for (SignedIn owner : owners) {
                tasks.append(tasks.isEmpty() ? "" : ",").append("{\"title\":\"任务\",\"ownerUserId\":").append(owner.id())
                        .append(",\"dueDate\":\"2026-12-20\"}");
            }
            List<Integer> ids = Http.read(post(admin, "/api/v1/admin/meetings/" + meeting + "/minutes",
                    "{\"minutes\":\"纪要\",\"attendance\":4,\"tasks\":[" + tasks + "]}"), "$.data.tasks[*].id");

            List<Integer> statuses = Parallel.run(4, 4, i -> post(owners.get(i),
                    "/api/v1/topics/tasks/" + ids.get(i) + "/done", "{\"note\":\"完成\"}").getResponse().getStatus());

            assertThat(statuses).containsOnly(200);
            assertThat(topicStatus(topic)).isEqualTo("DONE");
            clock.set(NOW);
        }
    }
}
