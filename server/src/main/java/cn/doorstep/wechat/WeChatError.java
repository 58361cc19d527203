package cn.doorstep.wechat;

import cn.doorstep.common.ErrorCode;
import org.springframework.http.HttpStatus;

public enum WeChatError implements ErrorCode {
    CODE_INVALID(14001, HttpStatus.UNAUTHORIZED, "The WeChat code is invalid (WeChat 40029); call wx.login again"),
    CODE_USED(14002, HttpStatus.UNAUTHORIZED, "The WeChat code was already used (WeChat 40163); call wx.login again"),
    UNAVAILABLE(14003, HttpStatus.SERVICE_UNAVAILABLE, "WeChat is not answering; retry shortly"),
    NOT_CONFIGURED(14004, HttpStatus.SERVICE_UNAVAILABLE, "This server has no WeChat appid; use dev-login locally"),
    RATE_LIMITED(14005, HttpStatus.SERVICE_UNAVAILABLE, "WeChat is rate limiting this mini-program; retry later"),
    PHONE_CODE_INVALID(14006, HttpStatus.BAD_REQUEST, "The phone-number code is invalid or expired; ask the user again");

    private final Spec spec;

    WeChatError(int code, HttpStatus status, String message) {
        this.spec = new Spec(code, status, message);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
