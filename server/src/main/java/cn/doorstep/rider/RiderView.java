package cn.doorstep.rider;

import java.time.Instant;

/**
 * A rider registration; {@code phone} is masked. {@code version} changes with every change of the
 * registration: a reviewer sends back the version they saw, so they decide what they read.
 */
public record RiderView(long id, long userId, Platform platform, String realName, String phone, long homeCommunityId,
                        RiderStatus status, String passNo, String rejectReason, Instant reviewedAt, Instant createdAt,
                        int version) {
}
