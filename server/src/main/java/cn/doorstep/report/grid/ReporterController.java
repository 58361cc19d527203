package cn.doorstep.report.grid;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.report.ReportDetail;
import cn.doorstep.report.grid.GridRequests.RateReportRequest;
import cn.doorstep.report.grid.GridRequests.ReportReplyRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Reports")
@RestController
@RequestMapping("/api/v1/reports")
class ReporterController {

    private final ReporterSteps steps;

    ReporterController(ReporterSteps steps) {
        this.steps = steps;
    }

    @Operation(summary = "Answer the grid's question (WAITING_REPORTER → where it was); the deadlines move on",
            description = "The report's followers. The deadlines move on by the time it waited; the grid's workers are "
                    + "told. Refused: 400 10000 empty text, more than 9 photos, a URL not uploaded here; 404 60001 not "
                    + "yours; 409 60002 no question waiting; 409 60003; 422 60005 a withdrawn photo.")
    @PostMapping("/{id}/reply")
    ApiResponse<ReportDetail> replyToReport(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                            @PathVariable long id, @Valid @RequestBody ReportReplyRequest request) {
        return ApiResponse.ok(steps.reply(me, id, request.text(), request.photos()));
    }

    @Operation(summary = "Rate a resolved report: satisfied closes it; not satisfied reopens it once, one level up",
            description = "The report's reporter. Not satisfied the first time: ACCEPTED again, escalated one level "
                    + "(the grid's workers and the street's admins are told); the second time it closes unsatisfied. "
                    + "Refused: 400 10000 no satisfied; 403 60007 a follower who did not file it; 404 60001; 409 60002 "
                    + "not RESOLVED; 409 60003; 409 60008 rated already.")
    @PostMapping("/{id}/rate")
    ApiResponse<ReportDetail> rateReport(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                         @PathVariable long id, @Valid @RequestBody RateReportRequest request) {
        return ApiResponse.ok(steps.rate(me, id, request.satisfied(), request.comment()));
    }
}
