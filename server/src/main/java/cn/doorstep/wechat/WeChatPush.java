package cn.doorstep.wechat;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.bean.WxMaMessage;
import cn.doorstep.common.ApiException;
import cn.doorstep.wechat.WeChatClient.Verdict;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * WeChat's message push (消息推送), plain-text mode: every request carries {@code signature}, the SHA-1 of
 * the configured token, {@code timestamp} and {@code nonce} sorted and joined (checked by WxJava's
 * {@code checkSignature}); nothing unsigned or signed with another token does anything. The encrypted
 * (安全) mode is not supported: configure 明文模式 and the JSON data format. Of the events, {@code wxa_media_check} (the media
 * check's verdict) is acted on; any other is acknowledged and ignored.
 */
@Service
public class WeChatPush {

    private static final Logger log = LoggerFactory.getLogger(WeChatPush.class);
    static final String MEDIA_CHECK = "wxa_media_check";

    private final WxMaService wx;
    private final WeChatProperties properties;
    private final ApplicationEventPublisher events;

    WeChatPush(WxMaService wx, WeChatProperties properties, ApplicationEventPublisher events) {
        this.wx = wx;
        this.properties = properties;
        this.events = events;
    }

    /** GET: WeChat checks the URL when the push is configured; the echo proves we hold the token. */
    public String verifyUrl(String signature, String timestamp, String nonce, String echostr) {
        requireSigned(signature, timestamp, nonce);
        if (echostr == null) {
            throw ApiException.badField(WeChatError.PUSH_UNREADABLE, "echostr", "WeChat sends echostr to echo");
        }
        return echostr;
    }

    /** POST: one event, in JSON (the data format to configure). Publishes what another feature acts on, in this transaction. */
    @Transactional
    public void receive(String signature, String timestamp, String nonce, String body) {
        requireSigned(signature, timestamp, nonce);
        WxMaMessage message = parse(body);
        if (!MEDIA_CHECK.equals(message.getEvent())) {
            log.info("WeChat message push: ignored an event of type {}", message.getEvent());
            return;
        }
        if (message.getTraceId() == null || message.getTraceId().isBlank()) {
            throw ApiException.badField(WeChatError.PUSH_UNREADABLE, "trace_id", "a wxa_media_check event names its trace_id");
        }
        var result = message.getResult();
        Verdict verdict = result == null || result.getSuggest() == null ? Verdict.UNAVAILABLE
                : switch (result.getSuggest().toLowerCase(Locale.ROOT)) {
                    case "pass" -> Verdict.PASS;
                    case "risky" -> Verdict.RISKY;
                    default -> Verdict.REVIEW; // "review", or a suggestion newer than this code: a person decides
                };
        events.publishEvent(new WeChatMediaChecked(message.getTraceId().strip(), verdict,
                result == null ? null : result.getLabel()));
    }

    private void requireSigned(String signature, String timestamp, String nonce) {
        if (!properties.pushConfigured() || signature == null || timestamp == null || nonce == null
                || !wx.checkSignature(timestamp, nonce, signature)) {
            log.warn("WeChat message push refused: {}", properties.pushConfigured() ? "signature missing or wrong"
                    : "no doorstep.wechat.push-token configured");
            throw new ApiException(WeChatError.PUSH_SIGNATURE_INVALID);
        }
    }

    private static WxMaMessage parse(String body) {
        String text = body == null ? "" : body.strip();
        try {
            // JSON only: WxJava reads XML with XStream, which Java 17 refuses without --add-opens
            WxMaMessage message = text.startsWith("{") ? WxMaMessage.fromJson(text) : null;
            if (message != null) {
                return message;
            }
        } catch (RuntimeException unreadable) {
            log.warn("WeChat message push: unreadable body", unreadable);
        }
        throw new ApiException(WeChatError.PUSH_UNREADABLE);
    }
}
