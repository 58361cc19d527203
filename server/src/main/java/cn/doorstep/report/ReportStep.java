package cn.doorstep.report;

/** A timeline entry's kind. */
public enum ReportStep {
    FILED,
    ACCEPTED,
    ROUTED,
    DEPARTMENT_ACCEPTED,
    /** A department asked for more time (its resolve deadline moved). */
    EXTENDED,
    /** A department sent it back to the grid with a reason. */
    RETURNED,
    /** 吹哨: the street summoned departments. */
    SUMMONED,
    /** 报到: a summoned department responded. */
    RESPONDED,
    RESOLVED,
    /** A question to the reporter (the clock pauses). */
    ASKED,
    /** The reporter answered (the clock runs again). */
    REPLIED,
    RATED,
    REOPENED,
    ESCALATED,
    CLOSED,
    MERGED,
    /** Another resident said "the same" and follows it. */
    FOLLOWED
}
