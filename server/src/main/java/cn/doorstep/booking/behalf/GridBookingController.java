package cn.doorstep.booking.behalf;

import cn.doorstep.booking.BookingView;
import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.IdempotentRequests;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Grid heads (三长)")
@RestController
class GridBookingController {

    private final OnBehalfBookings bookings;

    GridBookingController(OnBehalfBookings bookings) {
        this.bookings = bookings;
    }

    @Operation(summary = "Book a slot or an activity for a resident of your grid who has no phone (grid head; audited)",
            description = "Grid heads, for a resident whose membership is in a grid they head. The booking is the "
                    + "resident's, under every rule of their own booking (audience, notice, weekly limit, pause, one "
                    + "per slot); the audit log names the grid head. Idempotency-Key is required; a retry answers the "
                    + "first booking. Refused: 404 50027 no resident of your grids has this id; 400 50023 name "
                    + "exactly one of slotId and activityId; 409 50005 full, 50006 already booked, 50007 closed, "
                    + "50008 too late, 50009 beyond horizon, 50010 weekly limit; 403 50011 not for this audience, "
                    + "50012 paused.")
    @PostMapping("/api/v1/grid/bookings")
    ApiResponse<BookingView> bookForResident(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                             @Parameter(description = "8-64 characters, new for each booking; a retry sends the same")
                                             @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key,
                                             @Valid @RequestBody OnBehalfBookRequest request) {
        return ApiResponse.ok(bookings.book(me, request, key));
    }
}
