package cn.doorstep.booking.staff;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.LocalDate;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Bookings (staff)")
@RestController
class StaffBookingController {

    private final StaffBookings staff;

    StaffBookingController(StaffBookings staff) {
        this.staff = staff;
    }

    @Operation(summary = "A day's bookings at your stations (or at stationId, which you staff or administer), by start time")
    @GetMapping("/api/v1/staff/bookings")
    ApiResponse<PageResult<StaffBookingView>> stationBookings(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                                              @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                                              @RequestParam(required = false) Long stationId,
                                                              @Valid @ParameterObject PageQuery page) {
        return ApiResponse.ok(staff.ofDay(me, date, stationId, page));
    }

    @Operation(summary = "Check a resident in by the code they show (only at the booking's station)")
    @PostMapping("/api/v1/staff/bookings/check-in")
    ApiResponse<StaffBookingView> checkInBooking(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                          @Valid @RequestBody CheckInRequest request) {
        return ApiResponse.ok(staff.checkIn(me, request.code()));
    }
}
