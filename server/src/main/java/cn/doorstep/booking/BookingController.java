package cn.doorstep.booking;

import cn.doorstep.booking.waitlist.Waitlist;
import cn.doorstep.booking.waitlist.WaitlistView;
import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.IdempotentRequests;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Bookings")
@RestController
class BookingController {

    private final BookingService bookings;
    private final Waitlist waitlist;
    private final IdempotentRequests idempotent;

    BookingController(BookingService bookings, Waitlist waitlist, IdempotentRequests idempotent) {
        this.bookings = bookings;
        this.waitlist = waitlist;
        this.idempotent = idempotent;
    }

    @Operation(summary = "Book a slot ({slotId}) or sign up for an activity ({activityId}); the reply carries the code staff scan")
    @PostMapping("/api/v1/bookings")
    ApiResponse<BookingView> book(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                  @Parameter(description = "8-64 characters, new for each booking; a retry sends the same")
                                  @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key,
                                  @Valid @RequestBody BookRequest request) {
        return ApiResponse.ok(idempotent.once(me.id(), key, "booking.book", request, BookingView.class,
                () -> bookings.book(me, request)));
    }

    @Operation(summary = "Your bookings, latest slot first")
    @GetMapping("/api/v1/bookings/mine")
    ApiResponse<PageResult<BookingView>> myBookings(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                                    @Valid @ParameterObject PageQuery page) {
        return ApiResponse.ok(bookings.mine(me, page));
    }

    @Operation(summary = "Whether you may book now: paused after repeated no-shows, until when and why")
    @GetMapping("/api/v1/bookings/status")
    ApiResponse<BookingStanding> bookingStatus(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me) {
        return ApiResponse.ok(bookings.standing(me));
    }

    @Operation(summary = "One of your bookings")
    @GetMapping("/api/v1/bookings/{id}")
    ApiResponse<BookingView> booking(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                     @PathVariable long id) {
        return ApiResponse.ok(bookings.get(me, id));
    }

    @Operation(summary = "Cancel before the deadline: the seat is released (or offered to the first in the waitlist)")
    @PostMapping("/api/v1/bookings/{id}/cancel")
    ApiResponse<BookingView> cancelBooking(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                           @PathVariable long id) {
        return ApiResponse.ok(bookings.cancel(me, id));
    }

    @Operation(summary = "Join the waitlist of a full slot ({slotId}) or activity ({activityId})")
    @PostMapping("/api/v1/waitlist")
    ApiResponse<WaitlistView> joinWaitlist(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                           @Valid @RequestBody BookRequest request) {
        if ((request.slotId() == null) == (request.activityId() == null)) {
            throw new cn.doorstep.common.ApiException(BookingError.TARGET_REQUIRED);
        }
        return ApiResponse.ok(waitlist.join(me, request));
    }

    @Operation(summary = "Your waitlist places and offers, newest first")
    @GetMapping("/api/v1/waitlist/mine")
    ApiResponse<PageResult<WaitlistView>> myWaitlist(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                                     @Valid @ParameterObject PageQuery page) {
        return ApiResponse.ok(waitlist.mine(me, page));
    }

    @Operation(summary = "Accept the seat offered to you: it becomes a booking")
    @PostMapping("/api/v1/waitlist/{id}/accept")
    ApiResponse<BookingView> acceptOffer(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                         @PathVariable long id) {
        return ApiResponse.ok(waitlist.accept(me, id));
    }

    @Operation(summary = "Leave the waitlist (an open offer passes to the next in line)")
    @PostMapping("/api/v1/waitlist/{id}/leave")
    ApiResponse<WaitlistView> leaveWaitlist(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                            @PathVariable long id) {
        return ApiResponse.ok(waitlist.leave(me, id));
    }
}
