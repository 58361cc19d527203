package cn.doorstep.report.department;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.report.ReportDetail;
import cn.doorstep.report.department.DepartmentRequests.SendRequest;
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

@Tag(name = "Reports: routing and 吹哨",
        description = "The grid's worker routes a report to departments (流转); a street admin summons several at once "
                + "(吹哨). See departments.md.")
@RestController
@RequestMapping("/api/v1/admin/reports")
class ReportRoutingController {

    private final ReportRouting routing;

    ReportRoutingController(ReportRouting routing) {
        this.routing = routing;
    }

    @Operation(summary = "流转: send a SUBMITTED or ACCEPTED report to departments; it becomes ROUTED",
            description = "A worker of the report's grid (the community's admin, a street or district admin above it, or "
                    + "the grid's head). A SUBMITTED report is accepted on the way (its time to resolve starts). Each "
                    + "department's people and the reporter are told; audited. Refused: 400 10000 a field; 400 60024 a "
                    + "department unknown, inactive or not serving the report's street (named); 404 60001 not your grid's "
                    + "report; 409 60002 its state; 409 60003 someone acted first.")
    @PostMapping("/{id}/route")
    ApiResponse<ReportDetail> route(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                    @PathVariable long id, @Valid @RequestBody SendRequest request) {
        return ApiResponse.ok(routing.route(me, id, request));
    }

    @Operation(summary = "吹哨: summon departments to an open report; each must respond (报到)",
            description = "An admin of the report's street (街道), of the district above it, or the platform. SUBMITTED or "
                    + "ACCEPTED becomes ROUTED. Each department's people and the reporter are told; audited. Refused: "
                    + "400 60024; 403 60025 a worker of the report who is not its street's admin; 404 60001 anyone else; "
                    + "409 60002 not open; 409 60003.")
    @PostMapping("/{id}/summon")
    ApiResponse<ReportDetail> summon(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                     @PathVariable long id, @Valid @RequestBody SendRequest request) {
        return ApiResponse.ok(routing.summon(me, id, request));
    }
}
