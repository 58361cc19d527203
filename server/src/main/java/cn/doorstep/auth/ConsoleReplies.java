package cn.doorstep.auth;

import cn.doorstep.common.RoleGrant;
import cn.doorstep.user.UserView;
import java.util.List;

/** What the console's sign-in endpoints answer (console-auth.md). */
public final class ConsoleReplies {

    private ConsoleReplies() {
    }

    /**
     * A console session: the same bearer token as the mini-program's ({@code Authorization: Bearer}), who
     * signed in, whether they must choose their own password now, and whether an authenticator guards them.
     */
    public record ConsoleLoginReply(String token, long expiresIn, UserView user, List<RoleGrant> roles,
                                    String loginName, boolean mustChangePassword, boolean totpEnrolled) {
    }

    /** A TOTP secret waiting for its first code: type {@code secret} into the app, or scan {@code otpauthUri}. */
    public record TotpEnrolment(String secret, String otpauthUri) {
    }

    /** A worker's console login as a platform admin set it (the password is never shown again). */
    public record ConsoleLoginView(long userId, String loginName, boolean mustChangePassword, boolean totpEnrolled) {
    }
}
