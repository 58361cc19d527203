package cn.doorstep.points;

/**
 * Why a ledger entry exists. The first five earn points under a community's rules (and are its
 * rule kinds); the others move points for other reasons.
 */
public enum PointsReason {
    /** A rider's counted check-in at a warm station. */
    RIDER_CHECKIN(true),
    /** Volunteer service confirmed by station staff, by the hour. */
    VOLUNTEER_SERVICE(true),
    /** A micro-wish the user fulfilled, confirmed by its poster. */
    WISH_FULFILLED(true),
    /** An activity the user attended, checked in by staff. */
    ACTIVITY_ATTENDED(true),
    /** A report (诉求 / 随手拍) the user filed themselves, accepted and resolved. */
    REPORT_RESOLVED(true),
    /** A community admin's correction, with a reason. */
    ADJUSTMENT(false),
    /** Points spent on a reward. */
    REDEEM(false),
    /** A spend given back (the redemption was cancelled or expired). */
    REDEEM_REFUND(false),
    /** Points that reached the end of their validity. */
    EXPIRE(false);

    private final boolean earning;

    PointsReason(boolean earning) {
        this.earning = earning;
    }

    /** Earned under a community's rules (caps apply); the kinds a rule can be set for. */
    public boolean earning() {
        return earning;
    }
}
