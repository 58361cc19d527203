package cn.doorstep.deliberation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.common.Role;
import cn.doorstep.support.Http;
import cn.doorstep.support.Inboxes;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.TestUsers.SignedIn;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** 议事: propose → second → accept → a meeting residents sign up for → minutes and tasks → every task done. */
@IntegrationTest
class DeliberationTest extends DeliberationTestSupport {

    @BeforeEach
    void setUp() {
        setUpCommunity();
    }

    @AfterEach
    void resetClockAndWeChat() {
        clock.set(Instant.now());
        weChat.contentCheck("pass"); // texts are checked elsewhere too: leave no refusal behind
    }

    @Test
    void aProposalGoesFromSecondsToAMeetingToMinutesToEveryTaskDone() {
        // propose and second
        MvcTestResult proposed = propose(proposer, community, "楼道堆物清理", "5号楼楼道堆满杂物，存在消防隐患。");
        assertThat(proposed).hasStatusOk().bodyJson().extractingPath("$.data.status").isEqualTo("PROPOSED");
        long topic = idOf(proposed);
        SignedIn neighbour = residentOf(community);
        SignedIn another = residentOf(community);
        assertThat(post(neighbour, "/api/v1/topics/" + topic + "/support", null)).hasStatusOk()
                .bodyJson().extractingPath("$.data.supportedByMe").isEqualTo(true);
        assertThat(post(another, "/api/v1/topics/" + topic + "/support", null)).hasStatusOk()
                .bodyJson().extractingPath("$.data.supporters").isEqualTo(2);
        assertThat(jdbc.queryForObject("select supporters from deliberation_topic where id = ?", Integer.class, topic))
                .isEqualTo(2);
        assertThat(get(neighbour, "/api/v1/topics?communityId=" + community)).bodyJson()
                .extractingPath("$.data.items[*].id").asArray().containsExactly((int) topic);

        // accept and schedule
        assertThat(post(admin, "/api/v1/admin/topics/" + topic + "/accept", null)).hasStatusOk()
                .bodyJson().extractingPath("$.data.status").isEqualTo("ACCEPTED");
        assertThat(audits("deliberation.topic.accept", "deliberation_topic", topic)).isEqualTo(1);
        MvcTestResult scheduled = schedule(admin, topic, "2026-12-05T14:00:00", "2026-12-05T15:30:00", null);
        assertThat(scheduled).hasStatusOk().bodyJson().extractingPath("$.data.status").isEqualTo("SCHEDULED");
        assertThat(scheduled).bodyJson().extractingPath("$.data.meetings[0].seats").isEqualTo(20);
        assertThat(scheduled).bodyJson().extractingPath("$.data.meetings[0].signedUp").isEqualTo(0);
        assertThat(scheduled).bodyJson().extractingPath("$.data.meetings[0].startsAt").isEqualTo("2026-12-05T06:00:00Z");
        assertThat(scheduled).bodyJson().extractingPath("$.data.meetings[0].title").isEqualTo("议事会：楼道堆物清理");
        long activity = number(scheduled, "$.data.meetings[0].activityId");
        long meeting = number(scheduled, "$.data.meetings[0].id");
        Map<String, Object> published = jdbc.queryForMap("select station_id, kind, audience from booking_activity "
                + "where id = ?", activity);
        assertThat(published).containsEntry("kind", "DELIBERATION").containsEntry("audience", "RESIDENTS");
        assertThat(((Number) published.get("station_id")).longValue()).isEqualTo(station);
        for (SignedIn told : List.of(proposer, neighbour, another)) {
            assertThat(Inboxes.of(mvc, told, "DELIBERATION_MEETING")).singleElement()
                    .satisfies(n -> assertThat((String) n.get("body")).contains("楼道堆物清理", "2026-12-05 14:00"));
        }
        assertThat(audits("deliberation.meeting.schedule", "deliberation_meeting", meeting)).isEqualTo(1);

        // residents sign up through the booking path
        assertThat(book(neighbour, activity)).hasStatusOk();
        assertThat(get(proposer, "/api/v1/topics/" + topic)).bodyJson()
                .extractingPath("$.data.meetings[0].signedUp").isEqualTo(1);

        // minutes, once, after the meeting started
        SignedIn owner = residentOf(community);
        String minutes = """
                {"minutes":"居民、物业、网格员共同商议，确定分楼层清理。","attendance":18,
                 "decisions":["周六集中清理","物业设置临时堆放点"],
                 "tasks":[{"title":"通知各楼层住户","ownerUserId":%d,"dueDate":"2026-12-10"},
                          {"title":"清运大件杂物","ownerName":"物业","dueDate":"2026-12-20"}]}"""
                .formatted(owner.id());
        assertThat(post(admin, "/api/v1/admin/meetings/" + meeting + "/minutes", minutes))
                .hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.code").isEqualTo(61011);
        clock.set(Instant.parse("2026-12-05T08:00:00Z"));
        MvcTestResult recorded = post(admin, "/api/v1/admin/meetings/" + meeting + "/minutes", minutes);
        assertThat(recorded).hasStatusOk().bodyJson().extractingPath("$.data.status").isEqualTo("DISCUSSED");
        assertThat(recorded).bodyJson().extractingPath("$.data.meetings[0].decisions").asArray()
                .containsExactly("周六集中清理", "物业设置临时堆放点");
        assertThat(recorded).bodyJson().extractingPath("$.data.meetings[0].attendance").isEqualTo(18);
        assertThat(recorded).bodyJson().extractingPath("$.data.tasks[*].ownerName").asArray()
                .contains("物业");
        assertThat(post(admin, "/api/v1/admin/meetings/" + meeting + "/minutes", minutes))
                .hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.code").isEqualTo(61010);
        assertThat(jdbc.queryForObject("select count(*) from deliberation_task where topic_id = ?", Integer.class, topic))
                .isEqualTo(2);
        assertThat(Inboxes.of(mvc, owner, "DELIBERATION_TASK")).singleElement()
                .satisfies(n -> assertThat((String) n.get("body")).contains("通知各楼层住户", "2026-12-10"));
        assertThat(audits("deliberation.minutes.record", "deliberation_meeting", meeting)).isEqualTo(1);
        List<Integer> taskIds = Http.read(recorded, "$.data.tasks[*].id");

        // overdue against the app clock
        clock.set(Instant.parse("2026-12-15T02:00:00Z"));
        assertThat(get(admin, "/api/v1/admin/topic-tasks?overdue=true&communityId=" + community)).bodyJson()
                .extractingPath("$.data.items[*].id").asArray().containsExactly(taskIds.get(0));
        assertThat(get(owner, "/api/v1/topics/" + topic)).hasStatusOk().bodyJson()
                .extractingPath("$.data.tasks[*].overdue").asArray().containsExactly(true, false);

        // the owner and the admin mark the tasks done; the last makes the topic DONE
        assertThat(post(owner, "/api/v1/topics/tasks/" + taskIds.get(0) + "/done", "{\"note\":\"已在群里通知\"}"))
                .hasStatusOk().bodyJson().extractingPath("$.data.status").isEqualTo("DISCUSSED");
        assertThat(post(neighbour, "/api/v1/topics/tasks/" + taskIds.get(1) + "/done", "{\"note\":\"清完了\"}"))
                .hasStatus(HttpStatus.NOT_FOUND).bodyJson().extractingPath("$.code").isEqualTo(61013);
        assertThat(post(admin, "/api/v1/topics/tasks/" + taskIds.get(1) + "/done", "{\"note\":\"物业已清运\"}"))
                .hasStatusOk().bodyJson().extractingPath("$.data.status").isEqualTo("DONE");
        assertThat(post(owner, "/api/v1/topics/tasks/" + taskIds.get(0) + "/done", "{\"note\":\"again\"}"))
                .hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.code").isEqualTo(61014);
        assertThat(topicStatus(topic)).isEqualTo("DONE");
        Map<String, Object> done = jdbc.queryForMap("select status, done_note, done_by from deliberation_task where id = ?",
                taskIds.get(1));
        assertThat(done).containsEntry("status", "DONE").containsEntry("done_note", "物业已清运");
        assertThat(((Number) done.get("done_by")).longValue()).isEqualTo(admin.id());
        assertThat(audits("deliberation.task.done", "deliberation_task", taskIds.get(1))).isEqualTo(1);
        assertThat(get(admin, "/api/v1/admin/topic-tasks?overdue=true&communityId=" + community)).bodyJson()
                .extractingPath("$.data.total").isEqualTo(0);
    }

    @Test
    void aRidersMeetingIsBookedByRidersOnly() {
        long topic = accepted();

        MvcTestResult scheduled = schedule(admin, topic, "2026-12-06T19:00:00", "2026-12-06T20:00:00", "RIDERS");

        assertThat(scheduled).hasStatusOk().bodyJson().extractingPath("$.data.meetings[0].audience").isEqualTo("RIDERS");
        assertThat(scheduled).bodyJson().extractingPath("$.data.meetings[0].title").asString().startsWith("骑手恳谈会：");
        long activity = number(scheduled, "$.data.meetings[0].activityId");
        SignedIn rider = users.with(Role.RIDER);
        assertThat(book(rider, activity)).hasStatusOk();
        assertThat(book(residentOf(community), activity).getResponse().getStatus()).isNotEqualTo(200);
        assertThat(jdbc.queryForObject("select audience from booking_activity where id = ?", String.class, activity))
                .isEqualTo("RIDERS");
    }

    @Test
    void minutesWithoutTasksMakeTheTopicDone() {
        long topic = accepted();
        long meeting = number(schedule(admin, topic, "2026-12-05T14:00:00", "2026-12-05T15:00:00", null),
                "$.data.meetings[0].id");
        clock.set(Instant.parse("2026-12-05T07:00:00Z"));

        assertThat(post(admin, "/api/v1/admin/meetings/" + meeting + "/minutes",
                "{\"minutes\":\"议定无需后续事项\",\"attendance\":5,\"decisions\":[\"维持现状\"]}"))
                .hasStatusOk().bodyJson().extractingPath("$.data.status").isEqualTo("DONE");
        assertThat(topicStatus(topic)).isEqualTo("DONE");
    }

    @Nested
    class AdminsTopics {

        @Test
        void anAdminPutsAWishOfTheCommunityOnTheAgendaAndOnlyOfIt() {
            long wish = postedWish(community);
            long elsewhere = postedWish(regions.community());

            MvcTestResult created = post(admin, "/api/v1/admin/topics", """
                    {"communityId":%d,"title":"路灯维修","text":"多位居民反映路灯坏了","sourceType":"WISH","sourceId":%d}"""
                    .formatted(community, wish));

            assertThat(created).hasStatusOk().bodyJson().extractingPath("$.data.status").isEqualTo("ACCEPTED");
            assertThat(created).bodyJson().extractingPath("$.data.sourceType").isEqualTo("WISH");
            Map<String, Object> row = jdbc.queryForMap("select source_type, source_id, status from deliberation_topic "
                    + "where id = ?", idOf(created));
            assertThat(row).containsEntry("source_type", "WISH").containsEntry("status", "ACCEPTED");
            assertThat(((Number) row.get("source_id")).longValue()).isEqualTo(wish);
            assertThat(audits("deliberation.topic.create", "deliberation_topic", idOf(created))).isEqualTo(1);
            assertThat(post(admin, "/api/v1/admin/topics", """
                    {"communityId":%d,"title":"路灯维修","text":"多位居民反映","sourceType":"WISH","sourceId":%d}"""
                    .formatted(community, elsewhere))).hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyJson().extractingPath("$.code").isEqualTo(61007);
        }

        @Test
        void aReportIsStoredByIdAndADirectTopicHasNoSource() {
            MvcTestResult fromReport = post(admin, "/api/v1/admin/topics", """
                    {"communityId":%d,"title":"外卖车乱停","text":"小区门口电动车乱停","sourceType":"REPORT","sourceId":77}"""
                    .formatted(community));
            MvcTestResult direct = post(admin, "/api/v1/admin/topics", """
                    {"communityId":%d,"title":"骑手月度恳谈","text":"听取骑手意见"}""".formatted(community));

            assertThat(fromReport).hasStatusOk().bodyJson().extractingPath("$.data.sourceId").isEqualTo(77);
            assertThat(direct).hasStatusOk().bodyJson().extractingPath("$.data.sourceType").isEqualTo("DIRECT");
            assertThat(post(admin, "/api/v1/admin/topics", """
                    {"communityId":%d,"title":"外卖车乱停","text":"乱停","sourceType":"REPORT"}""".formatted(community)))
                    .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.data.errors[0].field")
                    .isEqualTo("sourceId");
        }

        @Test
        void aDeclinedProposalShowsItsReasonAndTakesNoMoreSeconds() {
            long topic = proposed();

            assertThat(post(admin, "/api/v1/admin/topics/" + topic + "/decline", "{\"reason\":\"已由物业处理\"}"))
                    .hasStatusOk().bodyJson().extractingPath("$.data.declineReason").isEqualTo("已由物业处理");

            assertThat(topicStatus(topic)).isEqualTo("DECLINED");
            assertThat(post(residentOf(community), "/api/v1/topics/" + topic + "/support", null))
                    .hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.code").isEqualTo(61004);
            assertThat(schedule(admin, topic, "2026-12-05T14:00:00", "2026-12-05T15:00:00", null))
                    .hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.code").isEqualTo(61004);
            assertThat(audits("deliberation.topic.decline", "deliberation_topic", topic)).isEqualTo(1);
        }

        private long postedWish(long communityId) {
            SignedIn poster = users.resident();
            userService.bindPhone(poster.id(), "13912345678");
            MvcTestResult posted = post(poster, "/api/v1/wishes", """
                    {"title":"路灯坏了","text":"三单元门口路灯坏了","category":"REPAIRS","photos":[],
                     "communityId":%d,"contactName":"张阿姨","address":"3号楼2单元501"}""".formatted(communityId));
            assertThat(posted).hasStatusOk();
            return idOf(posted);
        }
    }

    @Nested
    class Refusals {

        @Test
        void emptyTextIsNamedAndNothingIsSaved() {
            assertThat(propose(proposer, community, "楼道", " ")).hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyJson().extractingPath("$.data.errors[0].field").isEqualTo("text");
            assertThat(topicsBy(proposer)).isZero();
        }

        @Test
        void riskyTextIsRefusedAndNeverStored() {
            weChat.contentCheck("risky");

            assertThat(propose(proposer, community, "楼道", "不良内容")).hasStatus(422)
                    .bodyJson().extractingPath("$.data.errors[0].field").isEqualTo("text");
            assertThat(topicsBy(proposer)).isZero();
        }

        @Test
        void aProposalWeChatHeldIsSeenOnlyByItsProposerAndTheAdminsUntilAccepted() {
            weChat.contentCheck("review");
            long topic = idOf(propose(proposer, community, "楼道", "需要人工复核的内容"));
            weChat.contentCheck("pass");
            SignedIn neighbour = residentOf(community);

            assertThat(get(neighbour, "/api/v1/topics/" + topic)).hasStatus(HttpStatus.NOT_FOUND);
            assertThat(get(neighbour, "/api/v1/topics?communityId=" + community)).bodyJson()
                    .extractingPath("$.data.total").isEqualTo(0);
            assertThat(get(proposer, "/api/v1/topics/" + topic)).hasStatusOk().bodyJson()
                    .extractingPath("$.data.held").isEqualTo(true);
            assertThat(get(admin, "/api/v1/admin/topics?status=PROPOSED")).bodyJson()
                    .extractingPath("$.data.items[*].id").asArray().containsExactly((int) topic);

            post(admin, "/api/v1/admin/topics/" + topic + "/accept", null);

            assertThat(get(neighbour, "/api/v1/topics/" + topic)).hasStatusOk().bodyJson()
                    .extractingPath("$.data.held").isEqualTo(false);
        }

        @Test
        void secondingTwiceOrOnesOwnProposalIsRefused() {
            long topic = proposed();
            SignedIn neighbour = residentOf(community);
            post(neighbour, "/api/v1/topics/" + topic + "/support", null);

            assertThat(post(neighbour, "/api/v1/topics/" + topic + "/support", null)).hasStatus(HttpStatus.CONFLICT)
                    .bodyJson().extractingPath("$.code").isEqualTo(61005);
            assertThat(post(proposer, "/api/v1/topics/" + topic + "/support", null)).hasStatus(HttpStatus.CONFLICT)
                    .bodyJson().extractingPath("$.code").isEqualTo(61006);
            assertThat(jdbc.queryForObject("select supporters from deliberation_topic where id = ?", Integer.class, topic))
                    .isEqualTo(1);
        }

        @Test
        void aMeetingAtAnotherCommunitysStationOrInThePastIsRefused() {
            long topic = accepted();
            long foreignStation = stations.at(regions.community(), 43.86, 126.56).create().id();

            assertThat(post(admin, "/api/v1/admin/topics/" + topic + "/meetings", """
                    {"stationId":%d,"startsAt":"2026-12-05T14:00:00","endsAt":"2026-12-05T15:00:00","place":"会议室",
                     "seats":20}""".formatted(foreignStation))).hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyJson().extractingPath("$.code").isEqualTo(61008);
            assertThat(schedule(admin, topic, "2026-11-30T14:00:00", "2026-11-30T15:00:00", null))
                    .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.data.errors[0].field")
                    .isEqualTo("startsAt");
            assertThat(jdbc.queryForObject("select count(*) from deliberation_meeting where topic_id = ?", Integer.class,
                    topic)).isZero();
            assertThat(topicStatus(topic)).isEqualTo("ACCEPTED");
        }

        @Test
        void aTaskNeedsExactlyOneKnownOwner() {
            long topic = accepted();
            long meeting = number(schedule(admin, topic, "2026-12-05T14:00:00", "2026-12-05T15:00:00", null),
                    "$.data.meetings[0].id");
            clock.set(Instant.parse("2026-12-05T07:00:00Z"));

            assertThat(post(admin, "/api/v1/admin/meetings/" + meeting + "/minutes", """
                    {"minutes":"纪要","attendance":3,"tasks":[{"title":"清理","dueDate":"2026-12-10"}]}"""))
                    .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.data.errors[0].field")
                    .isEqualTo("tasks[0].ownerUserId");
            assertThat(post(admin, "/api/v1/admin/meetings/" + meeting + "/minutes", """
                    {"minutes":"纪要","attendance":3,"tasks":[{"title":"清理","ownerUserId":987654321,
                     "dueDate":"2026-12-10"}]}""")).hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyJson().extractingPath("$.code").isEqualTo(61012);
            assertThat(jdbc.queryForObject("select status from deliberation_meeting where id = ?", String.class, meeting))
                    .isEqualTo("SCHEDULED");
        }

        private int topicsBy(SignedIn who) {
            return jdbc.queryForObject("select count(*) from deliberation_topic where created_by = ?", Integer.class,
                    who.id());
        }
    }

    @Nested
    class Scopes {

        @Test
        void anotherCommunitysAdminFindsNoneOfItsTopicsMeetingsOrTasks() {
            long topic = accepted();
            long meeting = number(schedule(admin, topic, "2026-12-05T14:00:00", "2026-12-05T15:00:00", null),
                    "$.data.meetings[0].id");
            SignedIn otherAdmin = users.with(Role.ADMIN, regions.community());
            long proposal = proposed();

            assertThat(post(otherAdmin, "/api/v1/admin/topics/" + proposal + "/accept", null))
                    .hasStatus(HttpStatus.NOT_FOUND).bodyJson().extractingPath("$.code").isEqualTo(61001);
            assertThat(get(otherAdmin, "/api/v1/topics/" + topic)).hasStatus(HttpStatus.NOT_FOUND);
            assertThat(schedule(otherAdmin, topic, "2026-12-06T14:00:00", "2026-12-06T15:00:00", null))
                    .hasStatus(HttpStatus.NOT_FOUND);
            clock.set(Instant.parse("2026-12-05T07:00:00Z"));
            assertThat(post(otherAdmin, "/api/v1/admin/meetings/" + meeting + "/minutes",
                    "{\"minutes\":\"纪要\",\"attendance\":1}")).hasStatus(HttpStatus.NOT_FOUND)
                    .bodyJson().extractingPath("$.code").isEqualTo(61009);
            assertThat(get(otherAdmin, "/api/v1/admin/topics?communityId=" + community)).bodyJson()
                    .extractingPath("$.data.total").isEqualTo(0);
            assertThat(post(otherAdmin, "/api/v1/admin/topics", """
                    {"communityId":%d,"title":"越权","text":"越权"}""".formatted(community)))
                    .hasStatus(HttpStatus.FORBIDDEN).bodyJson().extractingPath("$.code").isEqualTo(61003);
            assertThat(topicStatus(proposal)).isEqualTo("PROPOSED");
        }

        @Test
        void aResidentOfAnotherCommunityNeitherSeesNorProposes() {
            long topic = proposed();
            SignedIn outsider = residentOf(regions.community());

            assertThat(get(outsider, "/api/v1/topics?communityId=" + community)).hasStatus(HttpStatus.FORBIDDEN)
                    .bodyJson().extractingPath("$.code").isEqualTo(61002);
            assertThat(get(outsider, "/api/v1/topics/" + topic)).hasStatus(HttpStatus.NOT_FOUND);
            assertThat(post(outsider, "/api/v1/topics/" + topic + "/support", null)).hasStatus(HttpStatus.NOT_FOUND);
            assertThat(propose(outsider, community, "外人", "外人的提议")).hasStatus(HttpStatus.FORBIDDEN);
            assertThat(jdbc.queryForObject("select count(*) from deliberation_topic where created_by = ?", Integer.class,
                    outsider.id())).isZero();
        }

        @Test
        void aStreetAdminSeesTheTopicsOfEveryCommunityBelow() {
            var chain = regions.chain();
            long below = chain.community();
            SignedIn local = users.with(Role.ADMIN, below);
            long topic = idOf(post(local, "/api/v1/admin/topics", """
                    {"communityId":%d,"title":"停车难","text":"小区停车位不足"}""".formatted(below)));
            SignedIn street = users.with(Role.STREET_ADMIN, chain.street());

            assertThat(get(street, "/api/v1/admin/topics")).bodyJson()
                    .extractingPath("$.data.items[*].id").asArray().containsExactly((int) topic);
        }
    }
}
