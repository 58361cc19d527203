package cn.doorstep.reward;

import java.time.Instant;

/**
 * A redemption as its holder (and the staff who hand it over) see it: the code to show, the QR
 * payload to draw, where to collect and by when.
 */
public record RedemptionView(long id, long rewardId, String rewardName, RewardKind kind, int quantity, long points,
                             String code, String qrPayload, Station station, RedemptionStatus status,
                             Instant collectBy, Instant redeemedAt, Instant closedAt, Instant createdAt) {

    public record Station(long id, String name) {
    }
}
