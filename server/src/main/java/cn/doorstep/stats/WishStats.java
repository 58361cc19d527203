package cn.doorstep.stats;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A scope's wishes over a period (statistics.md defines every figure). All but {@code daily[].confirmed} are about
 * the wishes posted in the period, as they stand now.
 *
 * @param byStatus               every status, in the loop's order, with its count (0 included)
 * @param byCategory             every category, most wishes first
 * @param medianMinutesToClaim   median minutes from going on the wall to the current claim; null when none claimed
 * @param medianMinutesToConfirm median minutes from going on the wall to confirmation; null when none confirmed
 * @param completionRate         办结率: confirmed / (posted − rejected − cancelled − pending review), 4 decimals; null
 *                               when nothing is left to divide by
 * @param averageRating          mean of the ratings given (1-5), 2 decimals; null when none
 */
public record WishStats(StatsScope scope, LocalDate from, LocalDate to, long posted, Map<String, Long> byStatus,
                        List<WishCategoryCount> byCategory, Long medianMinutesToClaim, Long medianMinutesToConfirm,
                        BigDecimal completionRate, BigDecimal averageRating, List<WishDay> daily) {

    public record WishCategoryCount(String category, long count) {
    }

    /**
     * @param posted    wishes posted that day
     * @param confirmed wishes confirmed that day (whenever posted)
     */
    public record WishDay(LocalDate date, long posted, long confirmed) {
    }
}
