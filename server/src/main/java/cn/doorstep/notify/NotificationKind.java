package cn.doorstep.notify;

/**
 * What a notification is about; each kind is one WeChat subscribe-message template, configured under
 * {@code doorstep.notify.templates.<KIND>}. The mini-program asks the user for the kinds it needs
 * ({@code wx.requestSubscribeMessage}) and reports the consents.
 */
public enum NotificationKind {
    WISH_CLAIMED,
    WISH_FULFILLED,
    WISH_RELEASED,
    WISH_REJECTED,
    WISH_DISPATCHED,
    WISH_CANCELLED,
    BOOKING_CONFIRMED,
    BOOKING_REMINDER,
    WAITLIST_OFFER,
    SLOT_CLOSED,
    REDEMPTION_READY,
    VOLUNTEER_APPROVED,
    VOLUNTEER_REJECTED
}
