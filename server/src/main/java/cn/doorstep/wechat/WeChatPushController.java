package cn.doorstep.wechat;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The URL configured as the mini-program's message push (消息推送): WeChat calls it, not the mini-program. */
@Tag(name = "WeChat message push",
        description = "Called by WeChat's servers, never by the mini-program: the URL verification and the media "
                + "check's verdicts. See media.md.")
@RestController
class WeChatPushController {

    private final WeChatPush push;

    WeChatPushController(WeChatPush push) {
        this.push = push;
    }

    @Operation(summary = "WeChat's URL verification of the message push (WeChat only)",
            description = "WeChat sends signature, timestamp, nonce and echostr when the push URL is saved; the reply is "
                    + "echostr as plain text when the signature is the SHA-1 of the configured token (doorstep.wechat."
                    + "push-token), timestamp and nonce. Refused: 403 14007 signature missing or wrong (or no token "
                    + "configured), 400 14008 no echostr.")
    @ApiResponse(responseCode = "200", description = "echostr, as plain text",
            content = @Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(type = "string")))
    @GetMapping("/api/v1/wechat/push")
    ResponseEntity<String> verify(@RequestParam(required = false) String signature, @RequestParam(required = false) String timestamp,
                  @RequestParam(required = false) String nonce, @RequestParam(required = false) String echostr) {
        return text(push.verifyUrl(signature, timestamp, nonce, echostr));
    }

    @Operation(summary = "An event from WeChat's message push, e.g. wxa_media_check (WeChat only)",
            description = "Plain-text mode (明文模式), JSON data format. A wxa_media_check event (trace_id, result.suggest "
                    + "pass, risky or review) decides the image it names: shown to all, withdrawn, or held for an admin. "
                    + "Other events are acknowledged and ignored. The reply is the text success. Refused, changing "
                    + "nothing: 403 14007 signature missing or wrong (or no token configured), 400 14008 not a "
                    + "readable event or no trace_id.")
    @ApiResponse(responseCode = "200", description = "success, as plain text (what WeChat expects)",
            content = @Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(type = "string")))
    @PostMapping("/api/v1/wechat/push")
    ResponseEntity<String> receive(@RequestParam(required = false) String signature, @RequestParam(required = false) String timestamp,
                   @RequestParam(required = false) String nonce, @RequestBody(required = false) String body) {
        push.receive(signature, timestamp, nonce, body);
        return text("success");
    }

    /** WeChat reads a plain-text reply; refusals stay in the one JSON error body (no produces= to narrow it). */
    private static ResponseEntity<String> text(String body) {
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(body);
    }
}
