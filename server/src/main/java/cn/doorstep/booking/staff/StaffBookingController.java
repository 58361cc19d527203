package cn.doorstep.booking.staff;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Bookings (staff)",
        description = "Station staff: a day's bookings, and checking a resident in by their booking code. See "
                + "booking.md.")
@RestController
@Validated
class StaffBookingController {

    private final StaffBookings staff;

    StaffBookingController(StaffBookings staff) {
        this.staff = staff;
    }

    @Operation(summary = "A day's bookings at your stations (or at stationId, which you staff or administer), by start time",
            description = "Station staff. The China date's bookings that are not cancelled, with holder and status "
                    + "but without their codes; paged. Refused: 400 10000 page out of range; 403 50015 you staff no station, 50024 stationId is not one "
                    + "of yours.")
    @GetMapping("/api/v1/staff/bookings")
    ApiResponse<PageResult<StaffBookingView>> stationBookings(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                                              @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                                              @RequestParam(required = false) Long stationId,
                                                              @Valid @ParameterObject PageQuery page) {
        return ApiResponse.ok(staff.ofDay(me, date, stationId, page));
    }

    @Operation(summary = "Check a resident in by the code they show (only at the booking's station)",
            description = "Staff of the booking's station. Takes the scanned QR payload or the typed code; an "
                    + "activity's attendance earns its points once, within the community's daily cap, checked in from "
                    + "an hour before it starts until 30 minutes after it ends. Refused: 403 50015 a booking of "
                    + "another station, 50025 your own activity booking; 404 50016 unknown code; 409 50014 already "
                    + "checked in, cancelled or no-show, 50026 outside the activity's check-in window (data.opensAt, "
                    + "data.closesAt).")
    @PostMapping("/api/v1/staff/bookings/check-in")
    ApiResponse<StaffBookingView> checkInBooking(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                          @Valid @RequestBody CheckInRequest request) {
        return ApiResponse.ok(staff.checkIn(me, request.code()));
    }

    @Operation(summary = "Look a resident up among today's bookings still to check in at your station (no code at hand)",
            description = "Staff of the station. q is four digits (the phone's last four) or a part of the nickname; "
                    + "matches among today's (China date) bookings still BOOKED there, by start, with the phone masked. "
                    + "Check the one you confirmed with the resident in by POST /api/v1/staff/bookings/{id}/check-in. "
                    + "Refused: 400 10000 q or stationId missing; 403 50015 staff of another station.")
    @GetMapping("/api/v1/staff/bookings/lookup")
    ApiResponse<PageResult<BookingMatch>> lookUp(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                                 @RequestParam @Positive long stationId,
                                                 @RequestParam @NotBlank @Size(max = 32) String q,
                                                 @Valid @ParameterObject PageQuery page) {
        return ApiResponse.ok(staff.lookUp(me, stationId, q, page));
    }

    @Operation(summary = "Check in a booking found by lookup, without its code (audited)",
            description = "Staff of the booking's station, for a resident who cannot show a code; the same rules as "
                    + "the check-in by code, recorded in the audit log as booking.check-in.lookup. Refused: 404 50004 "
                    + "no such booking at your stations; 403 50025 your own activity booking; 409 50014 already "
                    + "checked in, cancelled or no-show, 50026 outside the activity's check-in window.")
    @PostMapping("/api/v1/staff/bookings/{id}/check-in")
    ApiResponse<StaffBookingView> checkInFound(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                               @PathVariable long id) {
        return ApiResponse.ok(staff.checkInFound(me, id));
    }
}
