package cn.doorstep.deliberation;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.deliberation.DeliberationRequests.CreateTopicRequest;
import cn.doorstep.deliberation.DeliberationRequests.DeclineRequest;
import cn.doorstep.deliberation.DeliberationRequests.MeetingRequest;
import cn.doorstep.deliberation.DeliberationRequests.MinutesRequest;
import cn.doorstep.deliberation.TopicDetail.TaskView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Deliberation (admin)",
        description = "Community admins (and street and district admins, for every community below them) put topics "
                + "on the agenda, schedule meetings at stations, record minutes and tasks, and follow the tasks up. "
                + "See deliberation.md.")
@RestController
@RequestMapping("/api/v1/admin")
class TopicAdminController {

    private final Topics topics;
    private final Meetings meetings;
    private final Tasks tasks;

    TopicAdminController(Topics topics, Meetings meetings, Tasks tasks) {
        this.topics = topics;
        this.meetings = meetings;
        this.tasks = tasks;
    }

    @Operation(operationId = "createTopic", summary = "Put a topic on the agenda: from a wish, a report, or directly",
            description = "Admins of the community. The topic is ACCEPTED at once; audited. Refused: 400 10000 a field "
                    + "invalid, 13002 unknown community, 61007 sourceId not a wish of this community (WISH), missing "
                    + "(WISH, REPORT) or sent with DIRECT; 403 61003 not your community; 422 14009 WeChat found the text "
                    + "unsuitable.")
    @PostMapping("/topics")
    ApiResponse<TopicDetail> create(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                    @Valid @RequestBody CreateTopicRequest request) {
        return ApiResponse.ok(topics.create(me, request));
    }

    @Operation(operationId = "listTopicsForAdmin", summary = "Topics of your communities, newest first",
            description = "Community, street and district admins: of all their communities or one of them "
                    + "(communityId; another lists nothing), optionally of one status; held proposals included.")
    @GetMapping("/topics")
    ApiResponse<PageResult<TopicCard>> list(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                            @RequestParam(required = false) Long communityId,
                                            @RequestParam(required = false) TopicStatus status,
                                            @Valid @ParameterObject PageQuery page) {
        return ApiResponse.ok(topics.forAdmin(me, communityId, status, page));
    }

    @Operation(operationId = "acceptTopic", summary = "Accept a proposal onto the agenda",
            description = "Admins of its community; audited. Of admins deciding at once exactly one wins. Refused: 404 "
                    + "61001 not a topic of your communities; 409 61004 decided already (data.status).")
    @PostMapping("/topics/{id}/accept")
    ApiResponse<TopicDetail> accept(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                    @PathVariable long id) {
        return ApiResponse.ok(topics.accept(me, id));
    }

    @Operation(operationId = "declineTopic", summary = "Decline a proposal, with a reason",
            description = "Admins of its community; the reason shows on the topic; audited. Refused: 400 10000 reason "
                    + "missing; 404 61001 not a topic of your communities; 409 61004 decided already (data.status).")
    @PostMapping("/topics/{id}/decline")
    ApiResponse<TopicDetail> decline(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                     @PathVariable long id, @Valid @RequestBody DeclineRequest request) {
        return ApiResponse.ok(topics.decline(me, id, request.reason()));
    }

    @Operation(operationId = "scheduleMeeting", summary = "Schedule a meeting of a topic at a station of its community",
            description = "Admins of its community. Publishes an activity (kind DELIBERATION) residents sign up for with "
                    + "POST /api/v1/bookings {activityId}; audience RIDERS makes it a 恳谈会 only riders book. The topic "
                    + "becomes SCHEDULED; its proposer and supporters are told (DELIBERATION_MEETING); audited. Times are "
                    + "station-local. Refused: 400 10000 a field invalid, 50022 startsAt not in the future or endsAt not "
                    + "after it, 61008 not a running station of the community; 404 61001 not a "
                    + "topic of your communities; 409 61004 the topic is not on the agenda (proposed, declined, done).")
    @PostMapping("/topics/{id}/meetings")
    ApiResponse<TopicDetail> schedule(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                      @PathVariable long id, @Valid @RequestBody MeetingRequest request) {
        return ApiResponse.ok(meetings.schedule(me, id, request));
    }

    @Operation(operationId = "recordMinutes", summary = "Record a meeting's minutes, decisions and follow-up tasks, once",
            description = "Admins of its community, once the meeting has started. Each task has a title, a deadline "
                    + "(China date) and exactly one owner: ownerUserId (told in the inbox, DELIBERATION_TASK) or "
                    + "ownerName (物业). The topic becomes DISCUSSED, or DONE without tasks; audited. Refused: 400 10000 a "
                    + "field invalid, 61012 a task's owner missing, doubled or unknown; 404 61009 not a meeting of your "
                    + "communities; 409 61010 recorded already, 61011 not started yet.")
    @PostMapping("/meetings/{id}/minutes")
    ApiResponse<TopicDetail> minutes(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                     @PathVariable long id, @Valid @RequestBody MinutesRequest request) {
        return ApiResponse.ok(meetings.record(me, id, request));
    }

    @Operation(operationId = "listTopicTasks", summary = "Follow-up tasks of your communities, soonest deadline first",
            description = "Community, street and district admins: of all their communities or one (communityId; another "
                    + "lists nothing); overdue=true: only open tasks past their deadline.")
    @GetMapping("/topic-tasks")
    ApiResponse<PageResult<TaskView>> tasks(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                            @RequestParam(required = false) Long communityId,
                                            @RequestParam(defaultValue = "false") boolean overdue,
                                            @Valid @ParameterObject PageQuery page) {
        return ApiResponse.ok(tasks.forAdmin(me, communityId, overdue, page));
    }
}
