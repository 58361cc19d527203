package cn.doorstep.schedule;

import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.Role;

/** Who may book a service or sign up for an activity. */
public enum BookingAudience {
    RESIDENTS,
    RIDERS,
    ALL;

    public boolean admits(CurrentUser user) {
        return switch (this) {
            case RESIDENTS -> user.has(Role.RESIDENT);
            case RIDERS -> user.has(Role.RIDER);
            case ALL -> true;
        };
    }
}
