package cn.doorstep.booking;

/** A booking's life: BOOKED until cancelled, checked in by staff, or marked a no-show after the slot. */
public enum BookingStatus {
    BOOKED,
    CANCELLED,
    CHECKED_IN,
    NO_SHOW
}
