package cn.doorstep.wechat;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code doorstep.wechat.*}: the mini-program's credentials, and where WeChat's API lives
 * (tests point {@code api-host} at WireMock).
 *
 * @param maxRetries how often WxJava retries WeChat's "system busy" (-1) answer before we give up
 * @param pushToken  the Token of the mini-program's message push (消息推送) settings: WeChat signs every
 *                   callback with it; without one every callback is refused
 */
@Validated
@ConfigurationProperties("doorstep.wechat")
public record WeChatProperties(
        String appid,
        String secret,
        @DefaultValue("https://api.weixin.qq.com") String apiHost,
        @DefaultValue("3s") Duration connectTimeout,
        @DefaultValue("5s") Duration readTimeout,
        @DefaultValue("1") @Min(0) int maxRetries,
        @DefaultValue("200ms") Duration retrySleep,
        String pushToken) {

    public boolean pushConfigured() {
        return pushToken != null && !pushToken.isBlank();
    }

    public boolean configured() {
        return appid != null && !appid.isBlank() && secret != null && !secret.isBlank();
    }
}
