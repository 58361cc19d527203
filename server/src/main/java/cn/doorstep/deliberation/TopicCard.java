package cn.doorstep.deliberation;

import java.time.Instant;

/**
 * A topic in a list.
 *
 * @param held true while a proposal waits for an admin because WeChat held its text (or could not check it): only
 *             its proposer and the admins see it
 */
public record TopicCard(long id, long communityId, String title, TopicStatus status, SourceType sourceType,
                        Long sourceId, int supporters, boolean held, Instant createdAt) {
}
