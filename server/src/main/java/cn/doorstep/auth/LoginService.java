package cn.doorstep.auth;

import cn.doorstep.common.ApiException;
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
 * RESIDENT role and the token follow. A disabled account gets no token.
 */
@Service
public class LoginService {

    private final WeChatClient weChat;
    private final UserService users;
    private final RoleService roles;
    private final TokenService tokens;
    private final RateLimiter rateLimiter;
    private final AuthProperties properties;
    private final PlatformAdminBootstrap bootstrap;

    LoginService(WeChatClient weChat, UserService users, RoleService roles, TokenService tokens,
                 RateLimiter rateLimiter, AuthProperties properties, PlatformAdminBootstrap bootstrap) {
        this.weChat = weChat;
        this.users = users;
        this.roles = roles;
        this.tokens = tokens;
        this.rateLimiter = rateLimiter;
        this.properties = properties;
        this.bootstrap = bootstrap;
    }

    public LoginReply wxLogin(String code, String clientIp) {
        limitAttempts(clientIp);
        var session = weChat.codeToSession(code);
        SignIn signIn = users.findOrCreateByOpenid(session.openid(), session.unionid());
        if (!signIn.disabled()) {
            bootstrap.atSignIn(session.openid(), signIn.user().id());
        }
        return signIn(signIn);
    }

    /**
     * A session for a user already identified: by WeChat above, or by the local profile's dev login
     * (in test sources, never in the jar).
     */
    LoginReply signIn(SignIn signIn) {
        long userId = signIn.user().id();
        if (signIn.disabled()) {
            throw new ApiException(AuthError.ACCOUNT_DISABLED);
        }
        roles.grant(userId, Role.RESIDENT, 0); // idempotent: everyone is a resident
        String token = tokens.issue(userId);
        // An admin may have disabled the account since we looked, and revoked its sessions before this
        // one existed: look again now that it does, so no live token outlasts a disable.
        if (users.disabledSince(userId).isPresent()) {
            tokens.revoke(userId, token);
            throw new ApiException(AuthError.ACCOUNT_DISABLED);
        }
        var grants = roles.grantsOf(userId).stream()
                .sorted(Comparator.comparing(RoleGrant::role).thenComparing(RoleGrant::scopeId)).toList();
        return new LoginReply(token, tokens.ttlSeconds(), signIn.created(), signIn.user(), grants);
    }

    public void logout(long userId, String token) {
        tokens.revoke(userId, token);
    }

    /** Signs the user out on every device. */
    public void logoutEverywhere(long userId) {
        tokens.revokeAll(userId);
    }

    void limitAttempts(String clientIp) {
        rateLimiter.hit("login", clientIp, properties.loginAttemptsPerMinute(), Duration.ofMinutes(1));
    }
}
