package cn.doorstep.station;

import cn.doorstep.station.hours.ExceptionRequest;
import cn.doorstep.station.hours.HoursRequest;
import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.station.StationStaffService.StaffMember;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springdoc.core.annotations.ParameterObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Stations (admin)")
@RestController
@RequestMapping("/api/v1/admin/stations")
@Validated
class StationAdminController {

    private final StationAdminService admin;
    private final StationStaffService staff;

    StationAdminController(StationAdminService admin, StationStaffService staff) {
        this.admin = admin;
        this.staff = staff;
    }

    @Operation(summary = "The stations of a community you administer, closed ones included")
    @GetMapping
    ApiResponse<PageResult<StationDetail>> list(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                                @RequestParam @Positive long communityId,
                                                @Valid @ParameterObject PageQuery page) {
        return ApiResponse.ok(admin.list(me, communityId, page));
    }

    @Operation(summary = "Create a station")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ApiResponse<StationDetail> create(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                      @Valid @RequestBody StationRequest request) {
        return ApiResponse.ok(admin.create(me, request));
    }

    @Operation(summary = "Replace a station's details (moving it too)")
    @PutMapping("/{id}")
    ApiResponse<StationDetail> update(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                      @PathVariable long id, @Valid @RequestBody StationRequest request) {
        return ApiResponse.ok(admin.update(me, id, request));
    }

    @Operation(summary = "Replace the weekly opening hours")
    @PutMapping("/{id}/hours")
    ApiResponse<StationDetail> hours(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                     @PathVariable long id, @Valid @RequestBody HoursRequest request) {
        return ApiResponse.ok(admin.setHours(me, id, request));
    }

    @Operation(summary = "Set one date's hours (closed, or other times)")
    @PutMapping("/{id}/hours/exceptions/{date}")
    ApiResponse<StationDetail> exception(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                         @PathVariable long id,
                                         @Parameter(description = "yyyy-MM-dd") @PathVariable LocalDate date,
                                         @Valid @RequestBody ExceptionRequest request) {
        return ApiResponse.ok(admin.setException(me, id, date, request));
    }

    @Operation(summary = "Remove one date's exception")
    @DeleteMapping("/{id}/hours/exceptions/{date}")
    ApiResponse<StationDetail> removeException(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                               @PathVariable long id, @PathVariable LocalDate date) {
        return ApiResponse.ok(admin.removeException(me, id, date));
    }

    @Operation(summary = "Replace the photos")
    @PutMapping("/{id}/photos")
    ApiResponse<StationDetail> photos(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                      @PathVariable long id, @Valid @RequestBody PhotosRequest request) {
        return ApiResponse.ok(admin.setPhotos(me, id, request));
    }

    @Operation(summary = "Close the station for good (off the map)")
    @PostMapping("/{id}/close")
    ApiResponse<StationDetail> close(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                     @PathVariable long id) {
        return ApiResponse.ok(admin.close(me, id));
    }

    @Operation(summary = "Reopen a closed station")
    @PostMapping("/{id}/reopen")
    ApiResponse<StationDetail> reopen(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                      @PathVariable long id) {
        return ApiResponse.ok(admin.reopen(me, id));
    }

    @Operation(summary = "Delete the station")
    @DeleteMapping("/{id}")
    ApiResponse<Void> delete(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        admin.delete(me, id);
        return ApiResponse.ok(null);
    }

    @Operation(summary = "The station's staff, by user id")
    @GetMapping("/{id}/staff")
    ApiResponse<PageResult<StaffMember>> staff(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                               @PathVariable long id, @Valid @ParameterObject PageQuery page) {
        return ApiResponse.ok(staff.staffOf(me, id, page));
    }

    @Operation(summary = "Make a user staff of the station")
    @PostMapping("/{id}/staff")
    ApiResponse<StaffMember> assign(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                    @PathVariable long id, @Valid @RequestBody StaffRequest request) {
        return ApiResponse.ok(staff.assign(me, id, request.userId()));
    }

    @Operation(summary = "Remove a user from the station's staff")
    @DeleteMapping("/{id}/staff/{userId}")
    ApiResponse<Void> unassign(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                               @PathVariable long id, @PathVariable long userId) {
        staff.unassign(me, id, userId);
        return ApiResponse.ok(null);
    }

    record StaffRequest(@NotNull @Positive Long userId) {
    }
}
