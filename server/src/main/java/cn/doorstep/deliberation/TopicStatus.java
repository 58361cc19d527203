package cn.doorstep.deliberation;

/**
 * Where a topic stands: PROPOSED (a resident's, waiting for an admin) → ACCEPTED (on the agenda) → SCHEDULED (a
 * meeting is coming) → DISCUSSED (minuted, tasks open) → DONE (every task done); or DECLINED with a reason.
 */
public enum TopicStatus {
    PROPOSED,
    ACCEPTED,
    SCHEDULED,
    DISCUSSED,
    DONE,
    DECLINED
}
