package cn.doorstep.wechat;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.bean.security.WxMaMediaSecCheckCheckRequest;
import cn.binarywang.wx.miniapp.bean.security.WxMaMsgSecCheckCheckRequest;
import cn.doorstep.common.ApiException;
import io.micrometer.core.instrument.MeterRegistry;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The calls other features make to WeChat, with WeChat's failures translated into our catalogue:
 * a bad or used code is the caller's 401, everything else WeChat does wrong is our 503.
 */
@Service
public class WeChatClient {

    private static final Logger log = LoggerFactory.getLogger(WeChatClient.class);

    /** WeChat's errcodes that mean "this code is not good" (invalid, used, expired or wrong app). */
    private static final int INVALID_CODE = 40029;
    private static final int USED_CODE = 40163;
    private static final int API_QUOTA = 45011;
    private static final int FREQUENCY_LIMITED = 45009;

    private final WxMaService wx;
    private final WeChatProperties properties;
    private final MeterRegistry meters;

    WeChatClient(WxMaService wx, WeChatProperties properties, MeterRegistry meters) {
        this.wx = wx;
        this.properties = properties;
        this.meters = meters;
    }

    /**
     * The identity behind a {@code wx.login()} code. WeChat's session key, sent along, is dropped here:
     * nothing uses it (only decrypting {@code wx.getUserInfo} data would), and what is not kept cannot leak.
     */
    public WxSession codeToSession(String code) {
        requireConfigured();
        try {
            var result = wx.getUserService().getSessionInfo(code);
            return new WxSession(result.getOpenid(), blankToNull(result.getUnionid()));
        } catch (WxErrorException e) {
            throw translate(e.getError().getErrorCode(), "code2session", false);
        } catch (WxRuntimeException e) {
            unreachable("code2session", e);
            throw new ApiException(WeChatError.UNAVAILABLE);
        }
    }

    /** The phone number (without country code) behind a {@code getPhoneNumber} button's code. */
    public String phoneNumber(String code) {
        requireConfigured();
        try {
            var info = wx.getUserService().getPhoneNumber(code);
            if (info == null || info.getPurePhoneNumber() == null) {
                log.warn("WeChat getuserphonenumber answered without phone_info");
                throw new ApiException(WeChatError.UNAVAILABLE);
            }
            return info.getPurePhoneNumber();
        } catch (WxErrorException e) {
            throw translate(e.getError().getErrorCode(), "getuserphonenumber", true);
        } catch (WxRuntimeException e) {
            unreachable("getuserphonenumber", e);
            throw new ApiException(WeChatError.UNAVAILABLE);
        }
    }

    /** How a subscribe message went: sent, refused by the user, rejected as wrong, or WeChat unavailable (retry). */
    public record SendResult(Outcome outcome, int errcode) {
        public enum Outcome { SENT, REFUSED, REJECTED, UNAVAILABLE }
    }

    /** 43101: the user has not subscribed (or refused) this template: no retry will change that. */
    private static final int NOT_SUBSCRIBED = 43101;
    /** -1: system busy; quotas and frequency limits: all pass with time. */
    private static final int SYSTEM_BUSY = -1;

    /**
     * Sends one subscribe message (订阅消息). Never throws for WeChat's answers: the outbox decides
     * from the outcome whether to retry.
     *
     * @param fields template field → value; each value is fitted to its field type's rule
     *               ({@link SubscribeFields})
     * @param state  which version of the mini-program the message opens: formal, trial or developer
     */
    public SendResult sendSubscribeMessage(String openid, String templateId, String page,
                                           java.util.Map<String, String> fields, String state) {
        if (!properties.configured()) {
            return new SendResult(SendResult.Outcome.REJECTED, 0);
        }
        var message = new cn.binarywang.wx.miniapp.bean.WxMaSubscribeMessage();
        message.setToUser(openid);
        message.setTemplateId(templateId);
        message.setPage(page);
        message.setMiniprogramState(state);
        message.setLang("zh_CN");
        fields.forEach((name, value) -> message.addData(new cn.binarywang.wx.miniapp.bean.WxMaSubscribeMessage.MsgData(
                name, SubscribeFields.fit(name, value))));
        try {
            wx.getMsgService().sendSubscribeMsg(message);
            return new SendResult(SendResult.Outcome.SENT, 0);
        } catch (WxErrorException e) {
            int errcode = e.getError().getErrorCode();
            if (errcode == NOT_SUBSCRIBED) {
                return new SendResult(SendResult.Outcome.REFUSED, errcode);
            }
            if (errcode == SYSTEM_BUSY || errcode == API_QUOTA || errcode == FREQUENCY_LIMITED) {
                return new SendResult(SendResult.Outcome.UNAVAILABLE, errcode);
            }
            refused("subscribeMessage.send", errcode);
            return new SendResult(SendResult.Outcome.REJECTED, errcode);
        } catch (WxRuntimeException e) {
            unreachable("subscribeMessage.send", e);
            return new SendResult(SendResult.Outcome.UNAVAILABLE, 0);
        }
    }

    /** What WeChat's content check (msgSecCheck 2.0) said about a text. */
    public enum Verdict {
        /** Nothing found. */
        PASS,
        /** Possibly unsuitable: a person should look at it. */
        REVIEW,
        /** Unsuitable: must not be published. */
        RISKY,
        /** No answer (WeChat down, slow, refusing us, or no appid here): nobody has checked it. */
        UNAVAILABLE
    }

    /** A verdict with WeChat's label (e.g. 20001) and trace id, for an admin looking into it; both may be null. */
    public record ContentCheck(Verdict verdict, String label, String traceId) {
    }

    /**
     * Checks user text with WeChat's msgSecCheck 2.0 (POST /wxa/msg_sec_check), as the user who wrote
     * it. Never throws for WeChat's failures: the caller decides what an unchecked text may do (a wish
     * is held for review). The text itself is never logged.
     *
     * @param openid the author's openid (WeChat requires one that used the mini-program in the last 2 hours)
     * @param scene  1 资料, 2 评论, 3 论坛, 4 社交日志
     */
    public ContentCheck checkText(String openid, int scene, String title, String content) {
        if (!properties.configured() || openid == null) {
            return new ContentCheck(Verdict.UNAVAILABLE, null, null);
        }
        var request = WxMaMsgSecCheckCheckRequest.builder().version("2").openid(openid).scene(scene)
                .title(title).content(content).build();
        try {
            var response = wx.getSecurityService().checkMessage(request);
            var result = response == null ? null : response.getResult();
            if (result == null || result.getSuggest() == null) {
                log.warn("WeChat msg_sec_check answered without a result");
                return new ContentCheck(Verdict.UNAVAILABLE, null, null);
            }
            Verdict verdict = switch (result.getSuggest().toLowerCase(java.util.Locale.ROOT)) {
                case "pass" -> Verdict.PASS;
                case "risky" -> Verdict.RISKY;
                default -> Verdict.REVIEW; // "review", or a suggestion newer than this code: a person decides
            };
            return new ContentCheck(verdict, result.getLabel(), response.getTraceId());
        } catch (WxErrorException e) {
            refused("msg_sec_check", e.getError().getErrorCode());
            return new ContentCheck(Verdict.UNAVAILABLE, null, null);
        } catch (RuntimeException e) { // WxRuntimeException (timeouts, 5xx), or a reply that is not JSON
            unreachable("msg_sec_check", e);
            return new ContentCheck(Verdict.UNAVAILABLE, null, null);
        }
    }

    /**
     * How handing an image to WeChat's asynchronous media check went: accepted (its verdict comes to the
     * message push with this trace id), unavailable (WeChat down, slow or busy: try again later), or
     * refused for good (an errcode no retry changes, e.g. 61010: the user has not used the mini-program
     * in the last two hours).
     */
    public record MediaCheckSubmission(Outcome outcome, String traceId, int errcode) {
        public enum Outcome { ACCEPTED, UNAVAILABLE, REFUSED }
    }

    /**
     * Sends an image to WeChat's media check (POST /wxa/media_check_async, version 2) as the user who
     * uploaded it; WeChat fetches {@code mediaUrl} itself and answers later, on the message push
     * ({@code wxa_media_check}). Never throws for WeChat's failures.
     *
     * @param openid the uploader's openid (WeChat requires one that used the mini-program in the last 2 hours)
     * @param scene  1 资料, 2 评论, 3 论坛, 4 社交日志
     */
    public MediaCheckSubmission checkMedia(String openid, int scene, String mediaUrl) {
        if (!properties.configured()) {
            return new MediaCheckSubmission(MediaCheckSubmission.Outcome.UNAVAILABLE, null, 0);
        }
        if (openid == null) {
            return new MediaCheckSubmission(MediaCheckSubmission.Outcome.REFUSED, null, 0);
        }
        var request = WxMaMediaSecCheckCheckRequest.builder().mediaUrl(mediaUrl).mediaType(IMAGE).version(2)
                .openid(openid).scene(scene).build();
        try {
            var result = wx.getSecurityService().mediaCheckAsync(request);
            if (result == null || result.getTraceId() == null || result.getTraceId().isBlank()) {
                log.warn("WeChat media_check_async answered without a trace_id");
                return new MediaCheckSubmission(MediaCheckSubmission.Outcome.UNAVAILABLE, null, 0);
            }
            return new MediaCheckSubmission(MediaCheckSubmission.Outcome.ACCEPTED, result.getTraceId(), 0);
        } catch (WxErrorException e) {
            int errcode = e.getError().getErrorCode();
            refused("media_check_async", errcode);
            boolean passes = errcode == SYSTEM_BUSY || errcode == API_QUOTA || errcode == FREQUENCY_LIMITED
                    || errcode == INVALID_CREDENTIAL;
            return new MediaCheckSubmission(passes ? MediaCheckSubmission.Outcome.UNAVAILABLE
                    : MediaCheckSubmission.Outcome.REFUSED, null, errcode);
        } catch (RuntimeException e) { // WxRuntimeException (timeouts, 5xx), or a reply that is not JSON
            unreachable("media_check_async", e);
            return new MediaCheckSubmission(MediaCheckSubmission.Outcome.UNAVAILABLE, null, 0);
        }
    }

    /** media_type 2: an image (1 is audio). */
    private static final int IMAGE = 2;
    /** 40001: the access token went bad (rotated elsewhere): the next try fetches a new one. */
    private static final int INVALID_CREDENTIAL = 40001;

    private ApiException translate(int errcode, String api, boolean phone) {
        if (errcode == INVALID_CODE) {
            return new ApiException(phone ? WeChatError.PHONE_CODE_INVALID : WeChatError.CODE_INVALID);
        }
        if (errcode == USED_CODE) {
            return new ApiException(phone ? WeChatError.PHONE_CODE_INVALID : WeChatError.CODE_USED);
        }
        refused(api, errcode);
        if (errcode == API_QUOTA || errcode == FREQUENCY_LIMITED) {
            return new ApiException(WeChatError.RATE_LIMITED);
        }
        return new ApiException(WeChatError.UNAVAILABLE);
    }

    /**
     * No answer, or not one we could read (timeouts, 5xx, a body that is not JSON): logged with its stack
     * trace (logback-spring.xml masks the access token of any URL in it) and counted.
     */
    private void unreachable(String api, RuntimeException e) {
        log.warn("WeChat {} failed", api, e);
        meters.counter("doorstep.wechat.failures", "api", api, "errcode", "none").increment();
    }

    /** WeChat answered with an errcode we do not pass on as the caller's fault: its number, counted. */
    private void refused(String api, int errcode) {
        log.warn("WeChat {} answered errcode {}", api, errcode);
        meters.counter("doorstep.wechat.failures", "api", api, "errcode", Integer.toString(errcode)).increment();
    }

    /** Whether this server has an appid: without one (the local profile) nobody signs in with WeChat at all. */
    public boolean configured() {
        return properties.configured();
    }

    private void requireConfigured() {
        if (!properties.configured()) {
            throw new ApiException(WeChatError.NOT_CONFIGURED);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Who code2session says signed in. */
    public record WxSession(String openid, String unionid) {
    }
}
