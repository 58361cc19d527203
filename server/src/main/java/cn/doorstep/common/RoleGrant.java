package cn.doorstep.common;

/**
 * One role held by a user. {@code scopeId} is the station id for STAFF, the community id for ADMIN and VOLUNTEER,
 * the grid id for GRID_HEAD, the unit id for UNIT_ADMIN, the street id for STREET_ADMIN, the district id
 * for DISTRICT_ADMIN, the department id for DEPARTMENT, and 0 for unscoped roles.
 */
public record RoleGrant(Role role, long scopeId) {
}
