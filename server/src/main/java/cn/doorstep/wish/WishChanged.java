package cn.doorstep.wish;

import java.time.LocalDate;

/**
 * A wish moved in its loop (posted, published, claimed, released, fulfilled, confirmed, cancelled...): published with
 * every step of its timeline, in the transaction that made it, for readers that keep daily figures (the cockpit's
 * statistics). Minimal on purpose: such a reader asks {@link WishStatistics} again for both days.
 *
 * @param postedOn  the China-time day the wish was posted (the figures of that day's wishes changed)
 * @param changedOn the China-time day of the step (what happened that day changed)
 */
public record WishChanged(long communityId, LocalDate postedOn, LocalDate changedOn) {
}
