package cn.doorstep.report;

/** Who took a step: the reporter, a grid worker (community admin or grid head), a department, a street or district admin, or the system (deadlines). */
public enum ReportActor {
    REPORTER,
    GRID,
    DEPARTMENT,
    STREET,
    DISTRICT,
    SYSTEM
}
