package cn.doorstep.report.department;

/** How a department came to a report: ROUTED by the grid's worker (流转), or SUMMONED by the street (吹哨). */
public enum AssignmentKind {
    ROUTED,
    SUMMONED
}
