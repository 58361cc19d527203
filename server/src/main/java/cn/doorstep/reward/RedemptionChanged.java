package cn.doorstep.reward;

import java.time.LocalDate;

/**
 * A redemption of a community's reward was made, cancelled or expired: published in its transaction, with the China
 * day it was made, for readers that keep daily figures (the cockpit's statistics), which ask {@link RewardStatistics}
 * again for that day.
 */
public record RedemptionChanged(long communityId, LocalDate day) {
}
