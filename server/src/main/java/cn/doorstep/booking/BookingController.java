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

@Tag(name = "Bookings",
        description = "A resident's bookings of slots and activities, the no-show pause, and the waitlist of full "
                + "slots. See booking.md.")
@RestController
class BookingController {

    private final BookingService bookings;
    private final Waitlist waitlist;

    BookingController(BookingService bookings, Waitlist waitlist) {
        this.bookings = bookings;
        this.waitlist = waitlist;
    }

    @Operation(summary = "Book a slot ({slotId}) or sign up for an activity ({activityId}); the reply carries the code staff scan",
            description = "Residents and riders, as the service's or activity's audience allows. A seat is never "
                    + "given twice; Idempotency-Key is required, a retry answers the first booking, and a seat "
                    + "offered to the caller from the waitlist is accepted. Refused: 409 50005 full (offer the "
                    + "waitlist), 50006 already booked, 50007 closed, 50008 too late, 50009 beyond horizon, 50010 "
                    + "weekly limit; 403 50011 other audience, 50012 paused after no-shows.")
    @PostMapping("/api/v1/bookings")
    ApiResponse<BookingView> book(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                  @Parameter(description = "8-64 characters, new for each booking; a retry sends the same")
                                  @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key,
                                  @Valid @RequestBody BookRequest request) {
        return ApiResponse.ok(bookings.book(me, request, key));
    }

    @Operation(summary = "Your bookings, latest slot first",
            description = "Any signed-in user. Their own bookings, each with its code, status and cancellation "
                    + "deadline.")
    @GetMapping("/api/v1/bookings/mine")
    ApiResponse<PageResult<BookingView>> myBookings(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                                    @Valid @ParameterObject PageQuery page) {
        return ApiResponse.ok(bookings.mine(me, page));
    }

    @Operation(summary = "Whether you may book now: paused after repeated no-shows, until when and why",
            description = "Any signed-in user. Three no-shows within 30 days pause booking for 7 days: says whether "
                    + "the caller is paused, until when, the reason to show on the booking page and the no-shows "
                    + "counted.")
    @GetMapping("/api/v1/bookings/status")
    ApiResponse<BookingStanding> bookingStatus(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me) {
        return ApiResponse.ok(bookings.standing(me));
    }

    @Operation(summary = "One of your bookings",
            description = "The booking's holder. Its code and QR payload for staff to scan, times and status. "
                    + "Refused: 404 50004 no such booking, or another user's.")
    @GetMapping("/api/v1/bookings/{id}")
    ApiResponse<BookingView> booking(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                     @PathVariable long id) {
        return ApiResponse.ok(bookings.get(me, id));
    }

    @Operation(summary = "Cancel before the deadline: the seat is released (or offered to the first in the waitlist)",
            description = "The booking's holder, until cancellableUntil. The seat is released exactly once, or held "
                    + "for the first in the waitlist. Refused: 404 50004; 409 50013 deadline passed, 50014 not "
                    + "BOOKED any more (data.status).")
    @PostMapping("/api/v1/bookings/{id}/cancel")
    ApiResponse<BookingView> cancelBooking(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                           @PathVariable long id) {
        return ApiResponse.ok(bookings.cancel(me, id));
    }

    @Operation(summary = "Join the waitlist of a full slot ({slotId}) or activity ({activityId})",
            description = "Residents and riders, for a full slot or activity of their audience. A freed seat is "
                    + "held for the first in line for 15 minutes and announced with a WAITLIST_OFFER notice. "
                    + "Refused: 400 50023 not exactly one of slotId and activityId; 403 50012 paused after "
                    + "no-shows; 409 50017 seats still free (book instead), 50018 already waiting, 50006 already "
                    + "booked, 50010 weekly limit.")
    @PostMapping("/api/v1/waitlist")
    ApiResponse<WaitlistView> joinWaitlist(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                           @Valid @RequestBody BookRequest request) {
        if ((request.slotId() == null) == (request.activityId() == null)) {
            throw new cn.doorstep.common.ApiException(BookingError.TARGET_REQUIRED);
        }
        return ApiResponse.ok(waitlist.join(me, request));
    }

    @Operation(summary = "Your waitlist places and offers, newest first",
            description = "Any signed-in user. Their entries: the number of people ahead while WAITING, "
                    + "offerExpiresAt while OFFERED, the booking once ACCEPTED.")
    @GetMapping("/api/v1/waitlist/mine")
    ApiResponse<PageResult<WaitlistView>> myWaitlist(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                                     @Valid @ParameterObject PageQuery page) {
        return ApiResponse.ok(waitlist.mine(me, page));
    }

    @Operation(summary = "Accept the seat offered to you: it becomes a booking",
            description = "The entry's owner, within 15 minutes of the offer. The reply is the new booking with its "
                    + "code. Refused: 403 50012 paused after no-shows; 404 50019 no such entry of yours; 409 50020 the "
                    + "offer is gone (data.status), 50010 weekly limit (the offer stays until it expires).")
    @PostMapping("/api/v1/waitlist/{id}/accept")
    ApiResponse<BookingView> acceptOffer(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                         @PathVariable long id) {
        return ApiResponse.ok(waitlist.accept(me, id));
    }

    @Operation(summary = "Leave the waitlist (an open offer passes to the next in line)",
            description = "The entry's owner. Refused: 404 50019 no such entry of yours; 409 50020 already left, "
                    + "expired or accepted (data.status).")
    @PostMapping("/api/v1/waitlist/{id}/leave")
    ApiResponse<WaitlistView> leaveWaitlist(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                            @PathVariable long id) {
        return ApiResponse.ok(waitlist.leave(me, id));
    }
}
