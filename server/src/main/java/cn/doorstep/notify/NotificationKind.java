package cn.doorstep.notify;

/**
 * What a notification is about. Every notice lands in the user's inbox (its text from
 * {@link InboxTexts}); a kind with a WeChat subscribe-message template configured under
 * {@code doorstep.notify.templates.<KIND>} is also sent as a subscribe message, one without is
 * inbox-only. The mini-program asks the user for the kinds it needs ({@code wx.requestSubscribeMessage})
 * and reports the consents. The fields each kind carries are listed in notify.md.
 */
public enum NotificationKind {
    WISH_CLAIMED,
    WISH_FULFILLED,
    WISH_RELEASED,
    WISH_REJECTED,
    WISH_DISPATCHED,
    WISH_CANCELLED,
    /** The poster disputed a fulfilment: to the poster, the claimer and the community's admins. */
    WISH_DISPUTED,
    BOOKING_CONFIRMED,
    BOOKING_REMINDER,
    WAITLIST_OFFER,
    SLOT_CLOSED,
    REDEMPTION_READY,
    /** A redemption not collected yet whose deadline is near. */
    REDEMPTION_EXPIRING,
    RIDER_APPROVED,
    RIDER_REJECTED,
    PARTY_CONFIRMED,
    PARTY_REJECTED,
    /** Points awarded: a wish confirmed, a check-in, an activity attended, service confirmed by staff. */
    POINTS_EARNED,
    VOLUNTEER_APPROVED,
    VOLUNTEER_REJECTED,
    /** An admin ended the user's volunteering for a community. */
    VOLUNTEER_REVOKED,
    /** A step of a report the user follows (accepted, routed, a question, resolved, reopened, merged ...). */
    REPORT_PROGRESS,
    /** A report routed to the user's department, or the department summoned to it (吹哨). */
    REPORT_ASSIGNED,
    /** A report past its deadline, escalated to the user's street or district (or to the grid's workers). */
    REPORT_ESCALATED,
    /** A meeting of a topic the user proposed or seconded is scheduled (议事). */
    DELIBERATION_MEETING,
    /** A meeting gave the user a follow-up task with a deadline (议事). */
    DELIBERATION_TASK,
    /** A community admin made the rider a grid's 流动网格员 (their reports go straight to it). */
    GRID_RIDER_PAIRED
}
