package cn.doorstep.report;

/** Who answers for a report now: the grid (the community's workers), then the street, then the district. */
public enum ReportLevel {
    GRID,
    STREET,
    DISTRICT;

    /** One level up; the district stays the district. */
    public ReportLevel up() {
        return this == GRID ? STREET : DISTRICT;
    }
}
