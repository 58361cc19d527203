package cn.doorstep.report;

/**
 * How a report came in: APP (a resident or rider in the mini-program), RIDER_GRID (a rider paired with a grid
 * as its 流动网格员: straight to that grid), GRID_HEAD (a grid head, 网格预报), HOTLINE (a worker for a caller of
 * the 8890 hotline; the caller's name and phone are kept for workers only).
 */
public enum ReportChannel {
    APP,
    RIDER_GRID,
    GRID_HEAD,
    HOTLINE
}
