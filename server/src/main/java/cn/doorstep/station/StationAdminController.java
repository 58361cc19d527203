package cn.doorstep.station;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.station.StationStaffService.StaffMember;
import cn.doorstep.station.hours.ExceptionRequest;
import cn.doorstep.station.hours.HoursRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.LocalDate;
import org.springdoc.core.annotations.ParameterObject;
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

@Tag(name = "Stations (admin)",
        description = "Community admins run their community's stations: details, weekly hours, dated exceptions, "
                + "photos, closing, staff. See stations-admin.md.")
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

    @Operation(summary = "The stations of a community you administer, closed ones included",
            description = "Community admins of communityId. Pages through the community's stations, closed ones "
                    + "included, each with the version every change bumps. Refused: 403 20003 not your community.")
    @GetMapping
    ApiResponse<PageResult<StationDetail>> list(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                                @RequestParam @Positive long communityId,
                                                @Valid @ParameterObject PageQuery page) {
        return ApiResponse.ok(admin.list(me, communityId, page));
    }

    @Operation(summary = "Create a station",
            description = "Community admins, in a community they administer. Creates a station (201) with its "
                    + "kinds, GCJ-02 location, amenities, weekly hours and holiday policy; it is on the map at "
                    + "once; audited. Refused: 400 13002 unknown community, 20004 overlapping windows, 20006 a "
                    + "service station without its level; 403 20003.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ApiResponse<StationDetail> create(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                      @Valid @RequestBody StationRequest request) {
        return ApiResponse.ok(admin.create(me, request));
    }

    @Operation(summary = "Replace a station's details (moving it too)",
            description = "Community admins of the station's community (and of the new one when moving it). "
                    + "Replaces every detail, clearing a field left out; audited. Refused: as creating, plus 404 "
                    + "20001 and 409 10409 when someone changed the station meanwhile (reload and retry).")
    @PutMapping("/{id}")
    ApiResponse<StationDetail> update(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                      @PathVariable long id, @Valid @RequestBody StationRequest request) {
        return ApiResponse.ok(admin.update(me, id, request));
    }

    @Operation(summary = "Replace the weekly opening hours",
            description = "Community admins of the station's community. Replaces the weekly windows and the holiday "
                    + "policy (FOLLOW_CALENDAR: Sunday hours on public holidays, Monday hours on 调休 working days); "
                    + "audited. Refused: 400 20004 overlapping or empty windows; 404 20001 no such station (also another community's).")
    @PutMapping("/{id}/hours")
    ApiResponse<StationDetail> hours(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                     @PathVariable long id, @Valid @RequestBody HoursRequest request) {
        return ApiResponse.ok(admin.setHours(me, id, request));
    }

    @Operation(summary = "Set one date's hours (closed, or other times)",
            description = "Community admins of the station's community. Makes one China date, from today to a year "
                    + "ahead, closed or open at other hours; audited. Refused: 400 20004 missing or equal times or "
                    + "a date out of range; 404 20001 no such station (also another community's).")
    @PutMapping("/{id}/hours/exceptions/{date}")
    ApiResponse<StationDetail> exception(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                         @PathVariable long id,
                                         @Parameter(description = "yyyy-MM-dd") @PathVariable LocalDate date,
                                         @Valid @RequestBody ExceptionRequest request) {
        return ApiResponse.ok(admin.setException(me, id, date, request));
    }

    @Operation(summary = "Remove one date's exception",
            description = "Community admins of the station's community. That date follows the weekly hours again; "
                    + "audited. Refused: 404 10400 no exception on that date; 404 20001 no such station (also another community's).")
    @DeleteMapping("/{id}/hours/exceptions/{date}")
    ApiResponse<StationDetail> removeException(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                               @PathVariable long id, @PathVariable LocalDate date) {
        return ApiResponse.ok(admin.removeException(me, id, date));
    }

    @Operation(summary = "Replace the photos",
            description = "Community admins of the station's community. Replaces the photos with up to 9 https "
                    + "URLs, the first shown on the map; audited. Refused: 400 10000 too many or not https; 404 "
                    + "20001 no such station (also another community's).")
    @PutMapping("/{id}/photos")
    ApiResponse<StationDetail> photos(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                      @PathVariable long id, @Valid @RequestBody PhotosRequest request) {
        return ApiResponse.ok(admin.setPhotos(me, id, request));
    }

    @Operation(summary = "Close the station for good (off the map)",
            description = "Community admins of the station's community. Takes the station off the map for good; its "
                    + "page stays readable with status CLOSED; audited. Refused: 404 20001 (also another community's station).")
    @PostMapping("/{id}/close")
    ApiResponse<StationDetail> close(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                     @PathVariable long id) {
        return ApiResponse.ok(admin.close(me, id));
    }

    @Operation(summary = "Reopen a closed station",
            description = "Community admins of the station's community. Puts a closed station back on the map; "
                    + "audited. Refused: 404 20001 (also another community's station).")
    @PostMapping("/{id}/reopen")
    ApiResponse<StationDetail> reopen(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                      @PathVariable long id) {
        return ApiResponse.ok(admin.reopen(me, id));
    }

    @Operation(summary = "Delete the station",
            description = "Community admins of the station's community. Removes the station from the map and its "
                    + "page, which answers 404 afterwards; audited. Refused: 404 20001 (also another community's station).")
    @DeleteMapping("/{id}")
    ApiResponse<Void> delete(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        admin.delete(me, id);
        return ApiResponse.ok(null);
    }

    @Operation(summary = "The station's staff, by user id",
            description = "Community admins of the station's community. Lists its staff with their phones masked, paged. "
                    + "Refused: 404 20001 (also another community's station).")
    @GetMapping("/{id}/staff")
    ApiResponse<PageResult<StaffMember>> staff(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                               @PathVariable long id, @Valid @ParameterObject PageQuery page) {
        return ApiResponse.ok(staff.staffOf(me, id, page));
    }

    @Operation(summary = "Make a user staff of the station",
            description = "Community admins of the station's community. Gives the user the STAFF role for this "
                    + "station, seen at their next request; audited. Refused: 404 12001 no such user; 404 20001 no such station (also another community's).")
    @PostMapping("/{id}/staff")
    ApiResponse<StaffMember> assign(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                    @PathVariable long id, @Valid @RequestBody StaffRequest request) {
        return ApiResponse.ok(staff.assign(me, id, request.userId()));
    }

    @Operation(summary = "Remove a user from the station's staff",
            description = "Community admins of the station's community. Takes the station's STAFF role from the "
                    + "user; audited. Refused: 404 10400 the user is not staff here; 404 20001 no such station (also another community's).")
    @DeleteMapping("/{id}/staff/{userId}")
    ApiResponse<Void> unassign(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                               @PathVariable long id, @PathVariable long userId) {
        staff.unassign(me, id, userId);
        return ApiResponse.ok(null);
    }

    record StaffRequest(@NotNull @Positive Long userId) {
    }
}
