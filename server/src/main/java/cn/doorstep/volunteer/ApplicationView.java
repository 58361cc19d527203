package cn.doorstep.volunteer;

import java.time.Instant;
import java.util.List;

/**
 * A volunteer application. {@code phone} is masked: the contact number given, else the bound one
 * ({@code boundPhone} true); {@code reason} is why it was rejected or revoked.
 */
public record ApplicationView(long id, long userId, long communityId, String communityName, String realName,
                              List<VolunteerSkill> skills, String availability, String phone, boolean boundPhone,
                              ApplicationStatus status, String reason, Instant reviewedAt, Instant endedAt,
                              Instant createdAt) {
}
