package cn.doorstep.rider;

import java.time.LocalDate;

/**
 * A rider registration was made, moved, verified, rejected or sent back to review: published in its transaction for
 * readers that keep daily figures (the cockpit's statistics), which ask {@link RiderStatistics} again.
 *
 * @param communityId the registration's home community
 * @param day         the China-time day whose figures changed (of registering, or of the review)
 */
public record RiderChanged(long communityId, LocalDate day) {
}
