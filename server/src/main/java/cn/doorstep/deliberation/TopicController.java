package cn.doorstep.deliberation;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.deliberation.DeliberationRequests.DoneRequest;
import cn.doorstep.deliberation.DeliberationRequests.ProposeRequest;
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

@Tag(name = "Deliberation",
        description = "议事: residents propose and second topics for their community, follow each one's meetings, "
                + "minutes and follow-up tasks; a task's owner marks it done. See deliberation.md.")
@RestController
@RequestMapping("/api/v1/topics")
class TopicController {

    private final Topics topics;
    private final Tasks tasks;

    TopicController(Topics topics, Tasks tasks) {
        this.topics = topics;
        this.tasks = tasks;
    }

    @Operation(operationId = "proposeTopic", summary = "Propose a topic for your community",
            description = "Residents of the community (their profile's community) and its admins. Title and text are "
                    + "checked by WeChat; the topic waits (PROPOSED) for an admin to accept or decline it, and others "
                    + "may second it. One WeChat held for review is seen only by you and the admins until accepted "
                    + "(held: true). Refused: 400 10000 a field missing or invalid, 13002 unknown community; 403 61002 "
                    + "not a resident of it; 422 14009 WeChat found the text unsuitable (nothing stored).")
    @PostMapping
    ApiResponse<TopicDetail> propose(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                     @Valid @RequestBody ProposeRequest request) {
        return ApiResponse.ok(topics.propose(me, request));
    }

    @Operation(operationId = "listTopics", summary = "Your community's topics, newest first",
            description = "Residents of the community and its admins; optionally of one status. Refused: 403 61002 "
                    + "not a resident of the community.")
    @GetMapping
    ApiResponse<PageResult<TopicCard>> list(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                            @RequestParam long communityId,
                                            @RequestParam(required = false) TopicStatus status,
                                            @Valid @ParameterObject PageQuery page) {
        return ApiResponse.ok(topics.list(me, communityId, status, page));
    }

    @Operation(operationId = "getTopic", summary = "A topic's page: meetings, minutes, decisions and where each task stands",
            description = "Residents of its community, its admins, its proposer and its tasks' owners. Each meeting "
                    + "carries the activityId to sign up with (POST /api/v1/bookings {activityId}), its seats and how "
                    + "many signed up. Refused: 404 61001 no such topic for you.")
    @GetMapping("/{id}")
    ApiResponse<TopicDetail> get(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                 @PathVariable long id) {
        return ApiResponse.ok(topics.get(me, id));
    }

    @Operation(operationId = "supportTopic", summary = "Second a proposed topic",
            description = "Residents who see it, once each; counted in supporters. Supporters are told when a meeting "
                    + "of it is scheduled (DELIBERATION_MEETING). Refused: 404 61001 no such topic for you; 409 61005 "
                    + "supported already, 61006 your own proposal, 61004 decided already (data.status).")
    @PostMapping("/{id}/support")
    ApiResponse<TopicDetail> support(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                     @PathVariable long id) {
        return ApiResponse.ok(topics.support(me, id));
    }

    @Operation(operationId = "completeTopicTask", summary = "Mark a follow-up task done, with a note",
            description = "Its owner (when a user) or an admin of its community. When every task of the topic is done "
                    + "the topic is DONE. Replies with the topic's page. Refused: 400 10000 note missing; 404 61013 not "
                    + "your task nor your community's; 409 61014 done already.")
    @PostMapping("/tasks/{id}/done")
    ApiResponse<TopicDetail> done(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                  @PathVariable long id, @Valid @RequestBody DoneRequest request) {
        return ApiResponse.ok(tasks.done(me, id, request.note()));
    }
}
