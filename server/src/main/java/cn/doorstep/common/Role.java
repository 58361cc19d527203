package cn.doorstep.common;

/**
 * What a user may do. STAFF is granted per station, ADMIN and VOLUNTEER per community (a volunteer serves
 * the community that approved them), GRID_HEAD (三长: 网格长、楼栋长、单元长) per grid, UNIT_ADMIN per 双报到
 * unit and DEPARTMENT per department (see {@link RoleGrant}); the others are unscoped.
 * PLATFORM is the city-level admin, for what spans communities (the holiday calendar, disabling any
 * user, units). STREET_ADMIN (per street, 街道) and DISTRICT_ADMIN (per district, 区) act as a community's
 * ADMIN for every community below them: signing in expands them into those communities' ADMIN grants
 * (see {@link CurrentUser#isAdminOf}), so every community check holds them to their street or district.
 */
public enum Role {
    RESIDENT,
    VOLUNTEER,
    RIDER,
    STAFF,
    ADMIN,
    PLATFORM,
    GRID_HEAD,
    UNIT_ADMIN,
    STREET_ADMIN,
    DISTRICT_ADMIN,
    /** A department's person (物业, 供热, 城管 ...), scoped to the department: sees and acts on the reports routed to it. */
    DEPARTMENT;

    public boolean scoped() {
        return this != RESIDENT && this != RIDER && this != PLATFORM;
    }
}
