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

@Tag(name = "Stations (staff)")
@RestController
@RequestMapping("/api/v1/staff/stations")
class StationStaffController {

    private final StationStaffService staff;

    StationStaffController(StationStaffService staff) {
        this.staff = staff;
    }

    @Operation(summary = "The stations you work at")
    @GetMapping
    ApiResponse<List<StationDetail>> mine(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me) {
        return ApiResponse.ok(staff.myStations(me));
    }

    @Operation(summary = "Set the live status shown on the map (your stations only)")
    @PutMapping("/{id}/live-status")
    ApiResponse<StationDetail> liveStatus(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                          @PathVariable long id, @Valid @RequestBody LiveStatusRequest request) {
        return ApiResponse.ok(staff.setLiveStatus(me, id, request));
    }

    @Operation(summary = "The check-in code to print as the station's QR code")
    @GetMapping("/{id}/checkin-code")
    ApiResponse<CheckinCode> checkinCode(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                         @PathVariable long id) {
        return ApiResponse.ok(staff.checkinCode(me, id));
    }
}
