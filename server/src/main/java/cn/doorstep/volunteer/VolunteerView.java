package cn.doorstep.volunteer;

import java.time.Instant;
import java.util.List;

/**
 * A volunteer of a community, for its admins. {@code phone} is masked. A volunteer granted the role
 * before applications existed has no application: {@code applicationId}, {@code realName},
 * {@code availability} and {@code since} are null and {@code skills} empty.
 */
public record VolunteerView(long userId, long communityId, String communityName, String nickname, String realName,
                            String phone, List<VolunteerSkill> skills, String availability, Long applicationId,
                            Instant since) {
}
