package cn.doorstep.rider;

import java.time.Instant;

/** A rider registration; {@code phone} is masked. */
public record RiderView(long id, long userId, Platform platform, String realName, String phone, long homeCommunityId,
                        RiderStatus status, String passNo, String rejectReason, Instant reviewedAt, Instant createdAt) {
}
