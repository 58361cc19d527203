package cn.doorstep.notify;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Notifications",
        description = "WeChat subscribe messages: which template to ask for, and reporting what the user accepted. "
                + "See notify.md.")
@RestController
@RequestMapping("/api/v1/notify")
class NotifyController {

    private final Notifier notifier;

    NotifyController(Notifier notifier) {
        this.notifier = notifier;
    }

    @Operation(summary = "The WeChat template id of each kind of notice, for wx.requestSubscribeMessage",
            description = "Any signed-in user. A kind missing from the reply is not sent by this server, so do not "
                    + "ask for it.")
    @GetMapping("/templates")
    ApiResponse<Map<NotificationKind, String>> templates() {
        return ApiResponse.ok(notifier.templates());
    }

    @Operation(summary = "Report the kinds the user accepted in wx.requestSubscribeMessage (one message each)",
            description = "Any signed-in user, right after a tap on wx.requestSubscribeMessage. Each accepted kind "
                    + "allows one message of that kind; nothing is sent without one. Refused: 400 10000 empty, over "
                    + "20, or an unknown kind.")
    @PostMapping("/consents")
    ApiResponse<Void> consents(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                               @Valid @RequestBody ConsentRequest request) {
        notifier.consented(me.id(), request.kinds());
        return ApiResponse.ok(null);
    }

    record ConsentRequest(@NotEmpty @Size(max = 20) List<@NotNull NotificationKind> kinds) {
    }
}
