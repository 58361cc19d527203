package cn.doorstep.user;

/**
 * Implemented by the feature that knows a user's volunteering (points), so that {@code GET /me} can
 * show it without this feature depending on that one.
 */
public interface VolunteerProfiles {

    VolunteerProfile of(long userId);
}
