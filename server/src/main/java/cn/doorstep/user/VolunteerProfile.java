package cn.doorstep.user;

import java.math.BigDecimal;

/**
 * The volunteer side of a user, shown on {@code GET /me}: the member code staff scan to confirm
 * service, stars (1–5, by points earned over all time) and totals. The points feature provides it
 * (see {@link VolunteerProfiles}).
 */
public record VolunteerProfile(String memberCode, int stars, long earnedPoints, BigDecimal serviceHours) {
}
