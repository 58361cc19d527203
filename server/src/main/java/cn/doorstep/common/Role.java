package cn.doorstep.common;

/**
 * What a user may do. STAFF is granted per station and ADMIN per community (see {@link RoleGrant});
 * the others are unscoped.
 */
public enum Role {
    RESIDENT,
    VOLUNTEER,
    RIDER,
    STAFF,
    ADMIN;

    public boolean scoped() {
        return this == STAFF || this == ADMIN;
    }
}
