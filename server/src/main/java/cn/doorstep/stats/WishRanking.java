package cn.doorstep.stats;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A week's ranking of a street's or district's communities by how they handled micro-wishes: 办结率 first, then the
 * median time to claim (the response time). Figures as in {@link WishStats}, for the wishes posted in the week.
 */
public record WishRanking(StatsScope scope,
                          @Schema(description = "ISO week, Monday to Sunday China time", example = "2026-W49") String week,
                          LocalDate from, LocalDate to,
                          @Schema(example = "第49周社区微心愿办理情况通报") String title,
                          List<WishRankingRow> rows) {

    @Schema(description = "One community of a week's wish ranking")
    public record WishRankingRow(
            @Schema(description = "1 is best; equal 办结率 and median time to claim share a rank; null when no wish "
                    + "went on the wall") Integer rank,
            long communityId, String name,
            @Schema(description = "wishes posted in the week") long posted,
            @Schema(description = "of those, confirmed now") long confirmed,
            @Schema(description = "办结率 as in /admin/stats/wishes; null when nothing to divide") BigDecimal completionRate,
            @Schema(description = "median whole minutes from going on the wall to the current claim; null when none")
            Long medianMinutesToClaim,
            @Schema(description = "mean rating of the confirmed ones, 2 places; null when none") BigDecimal averageRating) {
    }
}
