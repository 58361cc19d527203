package cn.doorstep.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Where a test finds a session in Redis, to read back what was saved. */
public final class Sessions {

    private Sessions() {
    }

    /** {@code auth:{userId}:token:{sha256(token)}}, the user id being the token's part before its dot. */
    public static String key(String token) {
        return "auth:{" + token.substring(0, token.indexOf('.')) + "}:token:" + hash(token);
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code auth:{userId}:tokens}: the hashes of the user's sessions (a sorted set). */
    public static String userTokensKey(long userId) {
        return "auth:{" + userId + "}:tokens";
    }
}
