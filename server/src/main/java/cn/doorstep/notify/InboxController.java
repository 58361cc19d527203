package cn.doorstep.notify;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Inbox",
        description = "The in-app inbox: every notice the user was sent, whether or not a WeChat subscribe message "
                + "also went out, with the unread count for the badge. See notify.md.")
@RestController
@RequestMapping("/api/v1/inbox")
class InboxController {

    private final Inbox inbox;

    InboxController(Inbox inbox) {
        this.inbox = inbox;
    }

    @Operation(summary = "Your inbox, newest first, with the unread count",
            description = "Any signed-in user. Pages through their notices, newest first; `unread` counts the unread "
                    + "ones in the whole inbox (the badge). Read on every app start. Refused: 400 10000 page or size "
                    + "out of range (page × size over 10000).")
    @Parameters({
            @Parameter(name = "page", in = ParameterIn.QUERY, description = "from 1; page × size at most 10000",
                    schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "10000")),
            @Parameter(name = "size", in = ParameterIn.QUERY, description = "default 20",
                    schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "50"))})
    @GetMapping
    ApiResponse<InboxPageJson> inbox(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                     @Parameter(hidden = true) HttpServletRequest http) {
        return ApiResponse.ok(inbox.pageJson(me.id(), InboxPageQuery.parse(http::getParameter)));
    }

    @Operation(summary = "Mark one notice read",
            description = "Any signed-in user, for a notice of their own inbox; reading it again changes nothing. "
                    + "Answers the notice. Refused: 404 15001 no such notice in their inbox (another user's too).")
    @PostMapping("/{id}/read")
    ApiResponse<InboxItemView> read(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                    @PathVariable long id) {
        return ApiResponse.ok(inbox.read(me.id(), id));
    }

    @Operation(summary = "Mark every notice read",
            description = "Any signed-in user. Marks all their unread notices read; answers how many it read and the "
                    + "unread count after (0, unless a notice arrived meanwhile). No refusals beyond sign-in.")
    @PostMapping("/read-all")
    ApiResponse<Inbox.ReadAll> readAll(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me) {
        return ApiResponse.ok(inbox.readAll(me.id()));
    }
}
