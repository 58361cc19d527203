package cn.doorstep.wish;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One community's wish figures for one China-time day, as the wish table has them now ({@link WishStatistics}).
 * The "posted" figures are about the wishes posted that day, whatever happened to them since; {@code confirmed}
 * counts the wishes (posted any day) confirmed that day.
 *
 * @param byStatus          the day's wishes by their current status (absent: none)
 * @param byCategory        the day's wishes by category (absent: none)
 * @param minutesToClaim    for each of the day's wishes currently held by a claimer (or fulfilled, confirmed), whole
 *                          minutes from going on the wall to its current claim
 * @param minutesToConfirm  for each of the day's confirmed wishes, whole minutes from going on the wall to confirmation
 * @param ratingSum         the sum of the ratings the day's confirmed wishes were given
 * @param rated             how many of them were rated
 * @param confirmed         wishes of the community confirmed on the day
 */
public record WishDayFacts(long communityId, LocalDate day, Map<WishStatus, Long> byStatus,
                           Map<WishCategory, Long> byCategory, List<Long> minutesToClaim, List<Long> minutesToConfirm,
                           long ratingSum, long rated, long confirmed) {

    public WishDayFacts {
        byStatus = Map.copyOf(byStatus);
        byCategory = Map.copyOf(byCategory);
        minutesToClaim = List.copyOf(minutesToClaim);
        minutesToConfirm = List.copyOf(minutesToConfirm);
    }
}
