package cn.doorstep.auth;

import cn.doorstep.common.RoleGrant;
import cn.doorstep.user.UserView;
import java.util.List;

/**
 * What a successful login returns. Send {@code token} as {@code Authorization: Bearer <token>};
 * it lives {@code expiresIn} seconds past its last use.
 */
public record LoginReply(String token, long expiresIn, boolean newUser, UserView user, List<RoleGrant> roles) {
}
