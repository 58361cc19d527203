package cn.doorstep.wish;

/** One entry of a wish's timeline: what happened. */
public enum WishStep {
    POSTED,
    /** Held for review; the note says why: CONTENT_REVIEW, CHECK_UNAVAILABLE or COMMUNITY_REVIEWS_ALL. */
    HELD,
    PUBLISHED,
    REJECTED,
    CLAIMED,
    RELEASED,
    /** A claim or dispatch passed its deadline and went back to the wall. */
    EXPIRED,
    DISPATCHED,
    ACCEPTED,
    DECLINED,
    FULFILLED,
    CONFIRMED,
    AUTO_CONFIRMED,
    DISPUTED,
    REOPENED,
    CANCELLED
}
