package cn.doorstep.reward.lists;

import cn.doorstep.reward.RedemptionStatus;
import cn.doorstep.reward.RewardKind;
import java.time.Instant;

/**
 * A redemption as staff and admins list it: who holds it (nickname, phone masked 138****1234), what,
 * where and by when. Never the code: the holder shows it at the station.
 */
public record RedemptionLine(long id, long rewardId, String rewardName, RewardKind kind, int quantity, long points,
                             Station station, long communityId, Holder holder, RedemptionStatus status,
                             Instant collectBy, Instant redeemedAt, Long redeemedBy, Instant closedAt,
                             Instant createdAt) {

    public record Station(long id, String name) {
    }

    public record Holder(long userId, String nickname, String phone) {
    }
}
