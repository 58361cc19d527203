package cn.doorstep.report.grid;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.report.ReportCard;
import cn.doorstep.report.ReportCategory;
import cn.doorstep.report.ReportDetail;
import cn.doorstep.report.ReportLevel;
import cn.doorstep.report.ReportStatus;
import cn.doorstep.report.grid.GridRequests.AskReporterRequest;
import cn.doorstep.report.grid.GridRequests.GridResolveRequest;
import cn.doorstep.report.grid.GridRequests.HotlineReportRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Reports (grid)",
        description = "The grid's workers (community admins, the street and district admins above them, grid heads): "
                + "the list in scope, accept, resolve in the grid, ask the reporter, file for a hotline caller. See reports.md.")
@RestController
@RequestMapping("/api/v1/admin/reports")
class GridReportController {

    private final GridWork work;

    GridReportController(GridWork work) {
        this.work = work;
    }

    @Operation(summary = "The reports you work on, newest first; overdue=true: those past their deadline, longest overdue first",
            description = "Community admins (also as street or district admins) see their communities' reports, grid "
                    + "heads their grids'; communityId or gridId narrows to one. Each card says whether it is overdue. "
                    + "Refused: 400 10000 an unknown status, level or category; 400 13003 a grid not in the community "
                    + "named; 403 60006 a community or grid that is not yours.")
    @GetMapping
    ApiResponse<PageResult<ReportCard>> gridReports(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                                    @RequestParam(required = false) @Positive Long communityId,
                                                    @RequestParam(required = false) @Positive Long gridId,
                                                    @RequestParam(required = false) ReportStatus status,
                                                    @RequestParam(required = false) ReportLevel level,
                                                    @RequestParam(required = false) ReportCategory category,
                                                    @RequestParam(required = false) Boolean overdue,
                                                    @Valid @ParameterObject PageQuery page) {
        return ApiResponse.ok(work.list(me, communityId, gridId, status, level, category, Boolean.TRUE.equals(overdue), page));
    }

    @Operation(summary = "File a report for a caller of the 8890 hotline (channel HOTLINE)",
            description = "The community's admins, or a head of the grid named. The filing fields and the caller's name "
                    + "and phone, shown to workers only; WeChat checks the text. Refused: 400 10000 a field (callerPhone "
                    + "not a phone number, empty text, a location outside China); 400 13002/13003; 403 60006 not a worker "
                    + "of that community; 422 60004 unsuitable text; 422 60005 a withdrawn photo; 429 over 20 an hour.")
    @PostMapping
    ApiResponse<ReportDetail> fileHotlineReport(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                                @Valid @RequestBody HotlineReportRequest request) {
        return ApiResponse.ok(work.fileForCaller(me, request));
    }

    @Operation(summary = "Accept a submitted report (SUBMITTED → ACCEPTED); the time to resolve starts",
            description = "The report's grid workers. The reporter is told (社区已受理); audited. Refused: 404 60001 not "
                    + "a report you work on; 409 60002 not SUBMITTED; 409 60003 another worker acted first.")
    @PostMapping("/{id}/accept")
    ApiResponse<ReportDetail> gridAcceptReport(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                           @PathVariable long id) {
        return ApiResponse.ok(work.accept(me, id));
    }

    @Operation(summary = "Resolve a report in the grid, with what was done and photos (→ RESOLVED)",
            description = "The report's grid workers, from ACCEPTED or SUBMITTED (accepting it too). The reporter is told "
                    + "and asked to rate it; audited. Refused: 400 10000 empty text, more than 9 photos, a URL not "
                    + "uploaded here; 404 60001; 409 60002 another state; 409 60003; 422 60005 a withdrawn photo.")
    @PostMapping("/{id}/resolve")
    ApiResponse<ReportDetail> gridResolveReport(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                            @PathVariable long id, @Valid @RequestBody GridResolveRequest request) {
        return ApiResponse.ok(work.resolve(me, id, request.text(), request.photos()));
    }

    @Operation(summary = "Ask the reporter a question (→ WAITING_REPORTER); the deadlines' clock stands still",
            description = "The report's grid workers, from SUBMITTED, ACCEPTED, ROUTED or IN_PROGRESS. The reporter is "
                    + "told; audited. Refused: 400 10000 no question; 404 60001; 409 60002 another state; 409 60003; "
                    + "409 60012 a hotline report (call the caller back).")
    @PostMapping("/{id}/ask")
    ApiResponse<ReportDetail> gridAskReporter(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                          @PathVariable long id, @Valid @RequestBody AskReporterRequest request) {
        return ApiResponse.ok(work.ask(me, id, request.question()));
    }
}
