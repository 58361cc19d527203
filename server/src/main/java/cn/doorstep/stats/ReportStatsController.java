package cn.doorstep.stats;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Positive;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The cockpit's report (诉求/随手拍) statistics, with the same scope and period rules as the others. */
@Tag(name = "Statistics (admin)")
@RestController
@Validated
@RequestMapping("/api/v1/admin/stats")
class ReportStatsController {

    private final StatsScopes scopes;
    private final ReportStatsQuery reports;
    private final Clock clock;

    ReportStatsController(StatsScopes scopes, ReportStatsQuery reports, Clock clock) {
        this.scopes = scopes;
        this.reports = reports;
        this.clock = clock;
    }

    @Operation(summary = "Reports (诉求/随手拍) of a scope and period: by status, category and department, medians, overdue, satisfaction",
            description = StatsController.WHO + " Figures are about the reports filed in the period (merged duplicates "
                    + "apart) as they stand now, but daily[].resolved (resolutions made that day). Medians in whole "
                    + "minutes from filing to being taken up (accepted, routed, summoned or resolved) and to being "
                    + "resolved or closed, in buckets (see statistics.md); 办结率 = resolved / filed; satisfaction = "
                    + "satisfied / rated; overdue: open and past the deadline as last folded.")
    @GetMapping("/reports")
    ApiResponse<ReportStats> reportStats(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                         @RequestParam(required = false) @Positive Long communityId,
                                         @RequestParam(required = false) @Positive Long streetId,
                                         @RequestParam(required = false) @Positive Long districtId,
                                         @Parameter(schema = @Schema(allowableValues = {"day", "week", "month", "custom"},
                                                 defaultValue = "day")) @RequestParam(required = false) String period,
                                         @Parameter(example = "2026-12-07") @RequestParam(required = false) LocalDate date,
                                         @RequestParam(required = false) LocalDate from,
                                         @RequestParam(required = false) LocalDate to) {
        StatsScope scope = scopes.require(me, communityId, streetId, districtId);
        return ApiResponse.ok(reports.of(scope, StatsPeriod.of(period, date, from, to, clock)));
    }
}
