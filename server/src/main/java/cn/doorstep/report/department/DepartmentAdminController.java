package cn.doorstep.report.department;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.report.department.DepartmentRequests.CreateDepartmentRequest;
import cn.doorstep.report.department.DepartmentRequests.MemberRequest;
import cn.doorstep.report.department.DepartmentRequests.UpdateDepartmentRequest;
import cn.doorstep.report.department.DepartmentViews.DepartmentView;
import cn.doorstep.report.department.DepartmentViews.MemberView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Departments (admin)",
        description = "The departments reports are routed to (物业, 供热, 城管, 派出所 ...), the streets they serve and their "
                + "people. See departments.md.")
@RestController
@Validated
@RequestMapping("/api/v1/admin/departments")
class DepartmentAdminController {

    private static final String MANAGERS = "The platform admin, or a district admin when every street it serves is in "
            + "their district. ";

    private final Departments departments;

    DepartmentAdminController(Departments departments) {
        this.departments = departments;
    }

    @Operation(summary = "Create a department serving some streets",
            description = MANAGERS + "Audited. Refused: 400 10000 a field; 400 60021 an unknown street (named); 403 60022 "
                    + "a street outside your district; 409 60023 the name is taken.")
    @PostMapping
    ApiResponse<DepartmentView> create(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                       @Valid @RequestBody CreateDepartmentRequest request) {
        return ApiResponse.ok(departments.create(me, request));
    }

    @Operation(summary = "The departments you see, by name",
            description = "The platform admin: all; a district or street admin: those serving a street of theirs. "
                    + "streetId and districtId narrow it to those serving that street or a street of that district.")
    @GetMapping
    ApiResponse<PageResult<DepartmentView>> list(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                                 @RequestParam(required = false) @Positive Long streetId,
                                                 @RequestParam(required = false) @Positive Long districtId,
                                                 @Valid @ParameterObject PageQuery page) {
        return ApiResponse.ok(departments.list(me, streetId, districtId, page));
    }

    @Operation(summary = "One department with the streets it serves",
            description = "Whoever sees it in the list. Refused: 404 60020 anyone else.")
    @GetMapping("/{id}")
    ApiResponse<DepartmentView> get(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                    @PathVariable long id) {
        return ApiResponse.ok(departments.get(me, id));
    }

    @Operation(summary = "Change a department's name, phone, active flag or streets (only what is given)",
            description = MANAGERS + "Inactive: no longer routed or summoned to (its open work stays). Audited. Refused: "
                    + "400 60021; 403 60022 (also for new streets outside your district); 404 60020; 409 60023.")
    @PatchMapping("/{id}")
    ApiResponse<DepartmentView> update(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                       @PathVariable long id, @Valid @RequestBody UpdateDepartmentRequest request) {
        return ApiResponse.ok(departments.update(me, id, request));
    }

    @Operation(summary = "The department's people (holders of the role DEPARTMENT for it)",
            description = MANAGERS + "Refused: 403 60022; 404 60020.")
    @GetMapping("/{id}/members")
    ApiResponse<List<MemberView>> members(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                          @PathVariable long id) {
        return ApiResponse.ok(departments.members(me, id));
    }

    @Operation(summary = "Make a user one of the department's people (grants DEPARTMENT for it)",
            description = MANAGERS + "Holds from their next request; audited (once: adding again changes nothing). "
                    + "Answers the members. Refused: 403 60022; 404 60020; 404 12001 no such user.")
    @PostMapping("/{id}/members")
    ApiResponse<List<MemberView>> addMember(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                            @PathVariable long id, @Valid @RequestBody MemberRequest request) {
        return ApiResponse.ok(departments.addMember(me, id, request.userId()));
    }

    @Operation(summary = "Take the department's role away from one of its people",
            description = MANAGERS + "Audited. Answers the members. Refused: 403 60022; 404 60020; 404 60028 not one of "
                    + "its people.")
    @DeleteMapping("/{id}/members/{userId}")
    ApiResponse<List<MemberView>> removeMember(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                               @PathVariable long id, @PathVariable long userId) {
        return ApiResponse.ok(departments.removeMember(me, id, userId));
    }
}
