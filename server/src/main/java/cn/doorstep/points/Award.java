package cn.doorstep.points;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Points to earn for something the user did, under the rules of {@code communityId}: {@code units}
 * times the rule's points per unit (one check-in, hours of service, one wish), within its caps.
 * Idempotent by (user, reason, refType, refId): delivering the same award again changes nothing.
 *
 * @param day        the China-time date it happened (the daily cap's day)
 * @param operatorId who confirmed it for the user (staff), or null
 * @param memo       what the user reads beside the entry (the activity), or null
 */
public record Award(long userId, PointsReason reason, String refType, String refId, BigDecimal units, long communityId,
                    LocalDate day, Long operatorId, String memo) {

    public Award {
        Objects.requireNonNull(reason);
        if (!reason.earning()) {
            throw new IllegalArgumentException(reason + " is not earned by an award");
        }
        Objects.requireNonNull(refType);
        Objects.requireNonNull(refId);
        Objects.requireNonNull(units);
        Objects.requireNonNull(day);
    }

    /** One unit of something (a check-in, a wish, an activity), confirmed by nobody in particular. */
    public static Award one(long userId, PointsReason reason, String refType, Object refId, long communityId,
                            LocalDate day) {
        return new Award(userId, reason, refType, String.valueOf(refId), BigDecimal.ONE, communityId, day, null, null);
    }
}
