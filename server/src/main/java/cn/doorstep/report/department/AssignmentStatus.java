package cn.doorstep.report.department;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a department's part in a report stands: PENDING (sent, not yet taken up), ACCEPTED (a routed one
 * taken up), RESPONDED (a summoned one reported in, 报到), RESOLVED (done, with evidence), RETURNED (sent
 * back to the grid with a reason; routing it there again makes it PENDING once more).
 */
public enum AssignmentStatus {
    PENDING,
    ACCEPTED,
    RESPONDED,
    RESOLVED,
    RETURNED;

    /** Still the department's to act on. */
    public static final Set<AssignmentStatus> ACTIVE = EnumSet.of(PENDING, ACCEPTED, RESPONDED);
}
