package cn.doorstep.report.department;

/** What a department does: 物业, 供热, 供水, 城管, 派出所, 环卫, 燃气, 供电, or other. */
public enum DepartmentKind {
    PROPERTY,
    HEATING,
    WATER,
    URBAN_MANAGEMENT,
    POLICE,
    SANITATION,
    GAS,
    POWER,
    OTHER
}
