package cn.doorstep.booking;

import cn.doorstep.common.ErrorCode;
import org.springframework.http.HttpStatus;

public enum BookingError implements ErrorCode {
    BOOKING_NOT_FOUND(50004, HttpStatus.NOT_FOUND, "No such booking"),
    FULL(50005, HttpStatus.CONFLICT, "No seat is left; you may join the waitlist"),
    ALREADY_BOOKED(50006, HttpStatus.CONFLICT, "You already hold a booking for this slot (data.bookingId)"),
    TOO_LATE(50008, HttpStatus.CONFLICT, "Too close to the start: the service needs more notice (or it has started)"),
    BEYOND_HORIZON(50009, HttpStatus.CONFLICT, "Too far ahead: the service takes bookings only so many days ahead"),
    WEEKLY_LIMIT(50010, HttpStatus.CONFLICT, "You hold as many bookings of this service this week as allowed (data.limit)"),
    NOT_FOR_YOU(50011, HttpStatus.FORBIDDEN, "This service or activity is for another audience (residents or riders)"),
    PAUSED(50012, HttpStatus.FORBIDDEN, "Booking is paused after repeated no-shows (data.pausedUntil, data.reason)"),
    CANCEL_DEADLINE_PASSED(50013, HttpStatus.CONFLICT, "The cancellation deadline has passed"),
    WRONG_STATE(50014, HttpStatus.CONFLICT, "The booking's current state does not allow this; data.status names it"),
    NOT_YOUR_STATION(50015, HttpStatus.FORBIDDEN, "This booking is at a station you are not staff of"),
    CODE_UNKNOWN(50016, HttpStatus.NOT_FOUND, "No booking has this code"),
    SEATS_AVAILABLE(50017, HttpStatus.CONFLICT, "Seats are still free: book instead of joining the waitlist"),
    ALREADY_WAITLISTED(50018, HttpStatus.CONFLICT, "You are already on this waitlist"),
    WAITLIST_NOT_FOUND(50019, HttpStatus.NOT_FOUND, "No such waitlist entry"),
    OFFER_GONE(50020, HttpStatus.CONFLICT, "The offer is no longer open (expired, or you left the line); data.status names it"),
    TARGET_REQUIRED(50023, HttpStatus.BAD_REQUEST, "Name exactly one of slotId and activityId"),
    OWN_CHECK_IN(50025, HttpStatus.FORBIDDEN, "You cannot check in your own booking of an activity: another of the station's staff does"),
    CHECK_IN_CLOSED(50026, HttpStatus.CONFLICT, "An activity is checked in only from shortly before it starts until shortly after it ends (data.opensAt, data.closesAt)"),
    NOT_IN_YOUR_GRID(50027, HttpStatus.NOT_FOUND, "No resident of a grid you head has this id");

    private final Spec spec;

    BookingError(int code, HttpStatus status, String message) {
        this.spec = new Spec(code, status, message);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
