package cn.doorstep.common;

/**
 * What a user may do. STAFF is granted per station and ADMIN per community (see {@link RoleGrant});
 * the others are unscoped. PLATFORM is the city-level admin, for what spans communities (the holiday
 * calendar, disabling any user).
 */
public enum Role {
    RESIDENT,
    VOLUNTEER,
    RIDER,
    STAFF,
    ADMIN,
    PLATFORM;

    public boolean scoped() {
        return this == STAFF || this == ADMIN;
    }
}
