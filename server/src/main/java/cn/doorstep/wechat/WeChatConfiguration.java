package cn.doorstep.wechat;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.api.impl.WxMaServiceImpl;
import cn.binarywang.wx.miniapp.config.impl.WxMaRedisBetterConfigImpl;
import me.chanjar.weixin.common.redis.RedisTemplateWxRedisOps;
import me.chanjar.weixin.common.util.http.apache.DefaultApacheHttpClientBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

@Configuration(proxyBeanMethods = false)
class WeChatConfiguration {

    /** The key prefix of WxJava's access token in Redis: one token shared by every instance. */
    static final String REDIS_PREFIX = "wx";

    @Bean
    WxMaService wxMaService(WeChatProperties properties, StringRedisTemplate redis) {
        var config = new WxMaRedisBetterConfigImpl(new RedisTemplateWxRedisOps(redis), REDIS_PREFIX);
        config.setAppid(properties.configured() ? properties.appid() : "unconfigured");
        config.setSecret(properties.secret());
        config.setApiHostUrl(properties.apiHost());
        config.setToken(properties.pushToken()); // what WeChat signs the message push with

        // WxJava holds one HTTP client builder per JVM; our timeouts decide how long a login can hang.
        var http = DefaultApacheHttpClientBuilder.get();
        http.setConnectionTimeout((int) properties.connectTimeout().toMillis());
        http.setSoTimeout((int) properties.readTimeout().toMillis());
        http.setConnectionRequestTimeout((int) properties.connectTimeout().toMillis());
        config.setApacheHttpClientBuilder(http);

        var service = new WxMaServiceImpl();
        service.setWxMaConfig(config);
        service.setMaxRetryTimes(properties.maxRetries());
        service.setRetrySleepMillis((int) properties.retrySleep().toMillis());
        return service;
    }
}
