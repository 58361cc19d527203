package cn.doorstep.report;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a report stands.
 * <ul>
 *   <li>SUBMITTED: filed, waiting for the grid's worker to accept it (the time to accept runs);</li>
 *   <li>ACCEPTED: the grid handles it (the time to resolve runs); also where a reopened or returned report goes;</li>
 *   <li>ROUTED: sent to one or more departments, none has accepted yet;</li>
 *   <li>IN_PROGRESS: a department accepted it;</li>
 *   <li>WAITING_REPORTER: a question was asked of the reporter; the clock stands still until they answer;</li>
 *   <li>RESOLVED: resolved with evidence, waiting for the reporter's rating;</li>
 *   <li>CLOSED: rated (or left unrated long enough); MERGED: folded into another report, whose followers
 *   its reporters became.</li>
 * </ul>
 */
public enum ReportStatus {
    SUBMITTED,
    ACCEPTED,
    ROUTED,
    IN_PROGRESS,
    WAITING_REPORTER,
    RESOLVED,
    CLOSED,
    MERGED;

    /** Not yet resolved: someone still has to act on it. */
    public static final Set<ReportStatus> OPEN = EnumSet.of(SUBMITTED, ACCEPTED, ROUTED, IN_PROGRESS, WAITING_REPORTER);

    /** Being worked on after acceptance: the time to resolve runs. */
    public static final Set<ReportStatus> HANDLING = EnumSet.of(ACCEPTED, ROUTED, IN_PROGRESS);

    public boolean open() {
        return OPEN.contains(this);
    }
}
