package cn.doorstep.report.department;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.report.ReportDetail;
import cn.doorstep.report.department.DepartmentRequests.ExtendRequest;
import cn.doorstep.report.department.DepartmentRequests.ResolveRequest;
import cn.doorstep.report.department.DepartmentRequests.RespondRequest;
import cn.doorstep.report.department.DepartmentRequests.ReturnRequest;
import cn.doorstep.report.department.DepartmentViews.AssignmentCard;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Reports: the department side",
        description = "A department's people (role DEPARTMENT) accept, respond to a summons (报到), ask for time, resolve "
                + "with evidence or send back the reports sent to their department. See departments.md.")
@RestController
@Validated
@RequestMapping("/api/v1/department/reports")
class DepartmentReportController {

    private static final String REFUSED = "Refused: 404 60001 not sent to your department; 409 60002 the report's state; "
            + "409 60027 your department's part's state (data.status); 409 60003 someone acted first.";

    private final DepartmentWork work;

    DepartmentReportController(DepartmentWork work) {
        this.work = work;
    }

    @Operation(summary = "The reports sent to your departments, newest first, with your department's part in each",
            description = "status: your part's (PENDING, ACCEPTED, RESPONDED, RESOLVED, RETURNED); kind: ROUTED or "
                    + "SUMMONED; overdue=true: still yours and past your time to resolve; departmentId: one of yours.")
    @GetMapping
    ApiResponse<PageResult<AssignmentCard>> list(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                                 @RequestParam(required = false) @Positive Long departmentId,
                                                 @RequestParam(required = false) AssignmentStatus status,
                                                 @RequestParam(required = false) AssignmentKind kind,
                                                 @RequestParam(defaultValue = "false") boolean overdue,
                                                 @Valid @ParameterObject PageQuery page) {
        return ApiResponse.ok(work.list(me, departmentId, status, kind, overdue, page));
    }

    @Operation(summary = "Take up a report routed to you: your part ACCEPTED, the report IN_PROGRESS",
            description = "Audited; the reporter is told. " + REFUSED)
    @PostMapping("/{id}/accept")
    ApiResponse<ReportDetail> accept(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                     @PathVariable long id) {
        return ApiResponse.ok(work.accept(me, id));
    }

    @Operation(summary = "报到: respond to a summons (吹哨): your part RESPONDED, the report IN_PROGRESS",
            description = "Audited; the reporter is told. " + REFUSED)
    @PostMapping("/{id}/respond")
    ApiResponse<ReportDetail> respond(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                      @PathVariable long id, @Valid @RequestBody(required = false) RespondRequest request) {
        return ApiResponse.ok(work.respond(me, id, request));
    }

    @Operation(summary = "Ask for more time (1-5 working days), once per report",
            description = "Your due time and the report's move on; an EXTENDED step; audited; the reporter is told. "
                    + REFUSED + " 409 60026 asked already.")
    @PostMapping("/{id}/extend")
    ApiResponse<ReportDetail> extend(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                     @PathVariable long id, @Valid @RequestBody ExtendRequest request) {
        return ApiResponse.ok(work.extend(me, id, request));
    }

    @Operation(summary = "Resolve your part with evidence (text and photos)",
            description = "When every department still on it has resolved its part, the report is RESOLVED and its "
                    + "reporter asked to rate it. Audited. " + REFUSED + " 422 60005 a withdrawn photo (named).")
    @PostMapping("/{id}/resolve")
    ApiResponse<ReportDetail> resolve(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                      @PathVariable long id, @Valid @RequestBody ResolveRequest request) {
        return ApiResponse.ok(work.resolve(me, id, request));
    }

    @Operation(summary = "Send it back to the grid with a reason",
            description = "Your part RETURNED; when no department is left on it the report is ACCEPTED again and the "
                    + "grid's workers are told. Audited. " + REFUSED)
    @PostMapping("/{id}/return")
    ApiResponse<ReportDetail> sendBack(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                       @PathVariable long id, @Valid @RequestBody ReturnRequest request) {
        return ApiResponse.ok(work.sendBack(me, id, request));
    }
}
