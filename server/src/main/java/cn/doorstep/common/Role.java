package cn.doorstep.common;

/**
 * What a user may do. STAFF is granted per station, ADMIN per community, GRID_HEAD (三长: 网格长、楼栋长、
 * 单元长) per grid and UNIT_ADMIN per 双报到 unit (see {@link RoleGrant}); the others are unscoped.
 * PLATFORM is the city-level admin, for what spans communities (the holiday calendar, disabling any
 * user, units).
 */
public enum Role {
    RESIDENT,
    VOLUNTEER,
    RIDER,
    STAFF,
    ADMIN,
    PLATFORM,
    GRID_HEAD,
    UNIT_ADMIN;

    public boolean scoped() {
        return this == STAFF || this == ADMIN || this == GRID_HEAD || this == UNIT_ADMIN;
    }
}
