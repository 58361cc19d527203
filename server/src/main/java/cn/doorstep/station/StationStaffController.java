package cn.doorstep.station;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.station.StationStaffService.CheckinCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Stations (staff)",
        description = "Station staff: their stations, the live status shown on the map, the rotating check-in QR "
                + "code riders scan. See stations-admin.md.")
@RestController
@RequestMapping("/api/v1/staff/stations")
class StationStaffController {

    private final StationStaffService staff;

    StationStaffController(StationStaffService staff) {
        this.staff = staff;
    }

    @Operation(summary = "The stations you work at",
            description = "Station staff (STAFF). The full details of each station they are staff of.")
    @GetMapping
    ApiResponse<List<StationDetail>> mine(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me) {
        return ApiResponse.ok(staff.myStations(me));
    }

    @Operation(summary = "Set the live status shown on the map (your stations only)",
            description = "Staff of that station. Sets OPEN, BUSY, FULL or CLOSED_TODAY with an optional note, "
                    + "shown on the map at once; CLOSED_TODAY lasts through the end of that day's opening, an "
                    + "evening window past midnight included. Refused: 403 20002 not your station.")
    @PutMapping("/{id}/live-status")
    ApiResponse<StationDetail> liveStatus(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                          @PathVariable long id, @Valid @RequestBody LiveStatusRequest request) {
        return ApiResponse.ok(staff.setLiveStatus(me, id, request));
    }

    @Operation(summary = "The station's current check-in code, to show as a QR code on the staff phone",
            description = "Staff of that station. Riders scan it to check in; it changes every ten minutes and is "
                    + "accepted until validUntil, so fetch a new one at refreshAt (a printed or photographed code "
                    + "stops working). Refused: 403 20002 not your station.")
    @GetMapping("/{id}/checkin-code")
    ApiResponse<CheckinCode> checkinCode(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                         @PathVariable long id) {
        return ApiResponse.ok(staff.checkinCode(me, id));
    }
}
