package cn.doorstep.report.followup;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.report.ReportCategory;
import cn.doorstep.report.ReportDeadlines.Rule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Report deadlines (admin)",
        description = "Per category: the minutes to accept a report and the working days to resolve it. See reports-follow-up.md.")
@RestController
@RequestMapping("/api/v1/admin/report-rules")
class ReportRulesController {

    private final ReportRules rules;

    ReportRulesController(ReportRules rules) {
        this.rules = rules;
    }

    @Operation(summary = "Every category's deadlines (custom, or the defaults: 120 minutes and 3 working days)",
            description = "Community, street, district and platform admins.")
    @GetMapping
    ApiResponse<List<Rule>> rules() {
        return ApiResponse.ok(rules.all());
    }

    @Operation(summary = "Set a category's deadlines",
            description = "Platform admins only (others 403 10300); audited. Applies to reports filed or accepted "
                    + "from now on. Refused: 400 10000 minutes outside 1-10080 or working days outside 1-60, an "
                    + "unknown category.")
    @PutMapping("/{category}")
    ApiResponse<Rule> set(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                          @PathVariable ReportCategory category, @Valid @RequestBody RuleRequest request) {
        return ApiResponse.ok(rules.set(me, category, request.acceptMinutes(), request.resolveWorkingDays()));
    }

    record RuleRequest(@NotNull @Min(1) @Max(10080) Integer acceptMinutes,
                       @NotNull @Min(1) @Max(60) Integer resolveWorkingDays) {
    }
}
