package cn.doorstep.auth;

import cn.doorstep.common.RateLimitProperties;
import cn.doorstep.common.RateLimiter;
import cn.doorstep.user.UserService;
import cn.doorstep.user.UserView;
import cn.doorstep.wechat.WeChatClient;
import java.time.Duration;
import org.springframework.stereotype.Service;

/** Binding the phone number WeChat vouches for. Each attempt is a call to WeChat: limited per user. */
@Service
class PhoneBindingService {

    private final WeChatClient weChat;
    private final UserService users;
    private final RateLimiter rateLimiter;
    private final RateLimitProperties limits;

    PhoneBindingService(WeChatClient weChat, UserService users, RateLimiter rateLimiter, RateLimitProperties limits) {
        this.weChat = weChat;
        this.users = users;
        this.rateLimiter = rateLimiter;
        this.limits = limits;
    }

    UserView bind(long userId, String code) {
        rateLimiter.hit("phone", "user:" + userId, limits.phoneBindsPerHour(), Duration.ofHours(1));
        return users.bindPhone(userId, weChat.phoneNumber(code));
    }
}
