package cn.doorstep.auth;

import cn.doorstep.common.RateLimiter;
import cn.doorstep.common.Role;
import cn.doorstep.common.RoleGrant;
import cn.doorstep.user.UserService;
import cn.doorstep.user.UserService.SignIn;
import cn.doorstep.wechat.WeChatClient;
import java.time.Duration;
import java.util.Comparator;
import org.springframework.stereotype.Service;

/**
 * Signing in. WeChat is asked first, so a failing WeChat leaves no user row behind; the user, their
 * RESIDENT role and the token follow.
 */
@Service
public class LoginService {

    private final WeChatClient weChat;
    private final UserService users;
    private final RoleService roles;
    private final TokenService tokens;
    private final RateLimiter rateLimiter;
    private final AuthProperties properties;

    LoginService(WeChatClient weChat, UserService users, RoleService roles, TokenService tokens,
                 RateLimiter rateLimiter, AuthProperties properties) {
        this.weChat = weChat;
        this.users = users;
        this.roles = roles;
        this.tokens = tokens;
        this.rateLimiter = rateLimiter;
        this.properties = properties;
    }

    public LoginReply wxLogin(String code, String clientIp) {
        limitAttempts(clientIp);
        var session = weChat.codeToSession(code);
        SignIn signIn = users.findOrCreateByOpenid(session.openid(), session.unionid());
        return signedIn(signIn, session.sessionKey());
    }

    /**
     * A session for a user identified by other means. Only the local profile's dev login (in test
     * sources, never in the jar) calls it; production signs in through {@link #wxLogin} alone.
     */
    LoginReply signIn(SignIn signIn) {
        return signedIn(signIn, null);
    }

    public void logout(String token) {
        tokens.revoke(token);
    }

    private LoginReply signedIn(SignIn signIn, String wxSessionKey) {
        long userId = signIn.user().id();
        roles.grant(userId, Role.RESIDENT, 0); // idempotent: everyone is a resident
        String token = tokens.issue(userId, wxSessionKey);
        var grants = roles.grantsOf(userId).stream()
                .sorted(Comparator.comparing(RoleGrant::role).thenComparing(RoleGrant::scopeId)).toList();
        return new LoginReply(token, tokens.ttlSeconds(), signIn.created(), signIn.user(), grants);
    }

    void limitAttempts(String clientIp) {
        rateLimiter.hit("login", clientIp, properties.loginAttemptsPerMinute(), Duration.ofMinutes(1));
    }
}
