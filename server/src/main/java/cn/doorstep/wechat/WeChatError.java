package cn.doorstep.wechat;

import cn.doorstep.common.ErrorCode;
import org.springframework.http.HttpStatus;

public enum WeChatError implements ErrorCode {
    CODE_INVALID(14001, HttpStatus.UNAUTHORIZED, "The WeChat code is invalid (WeChat 40029); call wx.login again"),
    CODE_USED(14002, HttpStatus.UNAUTHORIZED, "The WeChat code was already used (WeChat 40163); call wx.login again"),
    UNAVAILABLE(14003, HttpStatus.SERVICE_UNAVAILABLE, "WeChat is not answering; retry shortly"),
    NOT_CONFIGURED(14004, HttpStatus.SERVICE_UNAVAILABLE, "This server has no WeChat appid; use dev-login locally"),
    RATE_LIMITED(14005, HttpStatus.SERVICE_UNAVAILABLE, "WeChat is rate limiting this mini-program; retry later"),
    PHONE_CODE_INVALID(14006, HttpStatus.BAD_REQUEST, "The phone-number code is invalid or expired; ask the user again"),
    PUSH_SIGNATURE_INVALID(14007, HttpStatus.FORBIDDEN, "The message push's signature does not match the configured token; nothing was done"),
    PUSH_UNREADABLE(14008, HttpStatus.BAD_REQUEST, "The message push's body is not a WeChat event in JSON (configure the JSON data format)"),
    TEXT_RISKY(14009, HttpStatus.UNPROCESSABLE_ENTITY, "WeChat's content check found this text unsuitable (data.errors names the field); change it and send again");

    private final Spec spec;

    WeChatError(int code, HttpStatus status, String message) {
        this.spec = new Spec(code, status, message);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
