package cn.doorstep.report;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Reports",
        description = "诉求 and 随手拍: file a report with a location and photos, follow it, rate its outcome. See reports.md.")
@RestController
@RequestMapping("/api/v1/reports")
class ReportController {

    private final ReportFiling filing;
    private final ReportQueries queries;

    ReportController(ReportFiling filing, ReportQueries queries) {
        this.filing = filing;
        this.queries = queries;
    }

    @Operation(summary = "File a report (诉求 / 随手拍): WeChat checks the text; it goes to the grid's workers",
            description = "Any signed-in user. A rider paired with a grid (流动网格员) files to that grid; a grid head "
                    + "naming their grid files as GRID_HEAD. Refused: 400 10000 a field (empty text, a location outside "
                    + "China, more than 9 photos); 400 13002/13003 unknown community or grid; 422 60004 unsuitable text "
                    + "(nothing stored); 422 60005 a withdrawn photo; 429 over 20 reports an hour.")
    @PostMapping
    ApiResponse<ReportDetail> fileReport(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                         @Valid @RequestBody FileReportRequest request) {
        return ApiResponse.ok(filing.file(me, request));
    }

    @Operation(summary = "Your reports: those you filed and those merged into one you filed, newest first",
            description = "Any signed-in user; status filters. Refused: 400 10000 an unknown status.")
    @GetMapping("/mine")
    ApiResponse<PageResult<ReportCard>> myReports(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                                  @RequestParam(required = false) ReportStatus status,
                                                  @Valid @ParameterObject PageQuery page) {
        return ApiResponse.ok(queries.mine(me, status, page));
    }

    @Operation(summary = "One report with its timeline (时间线), photos and the departments it went to",
            description = "Its followers, the grid's workers and the departments it was sent to. Refused: 404 60001 "
                    + "anyone else (as if it did not exist).")
    @GetMapping("/{id}")
    ApiResponse<ReportDetail> report(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                     @PathVariable long id) {
        return ApiResponse.ok(queries.detail(me, id));
    }
}
