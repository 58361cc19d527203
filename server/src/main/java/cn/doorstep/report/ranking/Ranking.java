package cn.doorstep.report.ranking;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A week's ranking (排名) of communities, streets or departments by how they handled reports, as a 通报 reads
 * it: sorted by 办结率, then by the mean time to accept.
 */
@Schema(description = "A week's ranking: rows sorted by resolutionRate (high first), then meanHoursToAccept (low first)")
public record Ranking(
        RankingLevel level,
        @Schema(description = "ISO week, Monday to Sunday China time", example = "2026-W49") String week,
        @Schema(description = "the week's start: Monday 00:00 China time") Instant from,
        @Schema(description = "the week's end (excluded): the next Monday 00:00 China time") Instant until,
        @Schema(description = "the scope asked for; null when the other one was") Long streetId,
        Long districtId,
        @Schema(example = "第49周社区诉求办理情况通报") String title,
        List<Row> rows) {

    /**
     * One community, street or department. For communities and streets, {@code filed} counts the reports filed
     * in the week (merged duplicates left out); for departments, the assignments they received in it (routed or
     * summoned). Times are means in hours, wall-clock.
     */
    @Schema(name = "RankingRow", description = "One community, street or department of a week's ranking")
    public record Row(
            @Schema(description = "1 is best; equal 办结率 and time to accept share a rank; null when nothing was filed")
            Integer rank,
            long id,
            String name,
            @Schema(description = "reports filed in the week (departments: assignments received in it)") long filed,
            @Schema(description = "of those, resolved or closed by the week's end") long resolved,
            @Schema(description = "办结率: resolved / filed, 0..1 to 4 places; null when nothing was filed")
            BigDecimal resolutionRate,
            @Schema(description = "mean hours from filing (assignment) to being taken up (accepted, routed, resolved; "
                    + "departments: accepted or 报到), of those taken up by the week's end; null when none")
            BigDecimal meanHoursToAccept,
            @Schema(description = "mean hours from filing (assignment) to resolution, of those resolved by the week's "
                    + "end; null when none") BigDecimal meanHoursToResolve,
            @Schema(description = "of the filed, rated by the week's end (departments: the reports they resolved)")
            long rated,
            @Schema(description = "of the rated, satisfied") long satisfied,
            @Schema(description = "满意率: satisfied / rated, 0..1 to 4 places; null when none rated") BigDecimal satisfaction,
            @Schema(description = "reports (departments: assignments) still open at the week's end and past their "
                    + "deadline then, whenever filed") long overdue) {
    }
}
