package cn.doorstep.reward;

import java.time.Instant;
import java.util.List;

/**
 * A reward as residents and admins see it. {@code stock} is MySQL's count; {@code available} says
 * whether it can be redeemed now (active, inside its window, something left). Residents get only the
 * photos WeChat's media check passed; admins all of them.
 */
public record RewardView(long id, long communityId, long stationId, RewardKind kind, String name, String description,
                         int pointsPrice, int stock, Integer perUserLimit, Instant availableFrom,
                         Instant availableUntil, List<String> photos, RewardStatus status, boolean available) {

    RewardView withPhotos(List<String> shown) {
        return new RewardView(id, communityId, stationId, kind, name, description, pointsPrice, stock, perUserLimit,
                availableFrom, availableUntil, shown, status, available);
    }
}
