package cn.doorstep.people;

import cn.doorstep.common.RoleGrant;
import java.time.Instant;
import java.util.List;

/**
 * A user as an admin finds them. {@code phone} is masked (138****1234); {@code registeredName} is the
 * name of a verified rider registration or a confirmed 双报到 (null otherwise); {@code memberCode} is
 * null until the user has a points account; {@code roles} as granted (a street admin's STREET_ADMIN, not
 * the communities below it).
 */
public record PersonView(long id, String nickname, String avatarUrl, String phone, Long communityId,
                         String communityName, String registeredName, String memberCode, List<RoleGrant> roles,
                         Instant createdAt) {
}
