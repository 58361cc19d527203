package cn.doorstep.user;

import java.time.Instant;

/**
 * A user as any reply shows them. {@code phone} is always masked (138****1234); {@code phoneBound}
 * says whether one is on file.
 */
public record UserView(long id, String nickname, String avatarUrl, String phone, boolean phoneBound,
                       Long communityId, Long gridId, Instant createdAt) {
}
