package cn.doorstep.wechat;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.doorstep.common.ApiException;
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

    WeChatClient(WxMaService wx, WeChatProperties properties) {
        this.wx = wx;
        this.properties = properties;
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
            log.warn("WeChat code2session failed: {}", e.getMessage());
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
            log.warn("WeChat getuserphonenumber failed: {}", e.getMessage());
            throw new ApiException(WeChatError.UNAVAILABLE);
        }
    }

    private ApiException translate(int errcode, String api, boolean phone) {
        if (errcode == INVALID_CODE) {
            return new ApiException(phone ? WeChatError.PHONE_CODE_INVALID : WeChatError.CODE_INVALID);
        }
        if (errcode == USED_CODE) {
            return new ApiException(phone ? WeChatError.PHONE_CODE_INVALID : WeChatError.CODE_USED);
        }
        log.warn("WeChat {} answered errcode {}", api, errcode);
        if (errcode == API_QUOTA || errcode == FREQUENCY_LIMITED) {
            return new ApiException(WeChatError.RATE_LIMITED);
        }
        return new ApiException(WeChatError.UNAVAILABLE);
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
