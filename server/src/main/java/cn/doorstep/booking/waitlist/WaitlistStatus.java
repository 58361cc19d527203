package cn.doorstep.booking.waitlist;

/**
 * A place in a waitlist: WAITING in line; OFFERED a freed seat, held for them until the offer
 * expires; then ACCEPTED (a booking), EXPIRED (passed down the line), LEFT, or CLOSED with the slot.
 */
public enum WaitlistStatus {
    WAITING,
    OFFERED,
    ACCEPTED,
    EXPIRED,
    LEFT,
    CLOSED
}
