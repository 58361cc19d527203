package cn.doorstep.people;

import cn.doorstep.common.RoleGrant;
import java.util.List;

/** The roles a user holds as granted, by role then scope. */
public record UserRoles(long userId, List<RoleGrant> roles) {
}
