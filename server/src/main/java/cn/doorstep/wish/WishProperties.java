package cn.doorstep.wish;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code doorstep.wish.*}.
 *
 * @param maxOpenClaims      claims (CLAIMED, not yet fulfilled) one volunteer may hold at once
 * @param claimDeadline      a claim, or a dispatch nobody answered, returns to the wall after this
 * @param autoConfirmAfter   a fulfilment neither confirmed nor disputed is confirmed after this
 * @param jobsEvery          how often the deadline and auto-confirm job runs
 * @param contentCheckScene  msgSecCheck's scene: 1 资料, 2 评论, 3 论坛, 4 社交日志
 * @param reviewAllByDefault whether communities without a policy of their own review every wish
 * @param postsPerHour       wishes one user may post per hour (each costs a WeChat call)
 */
@ConfigurationProperties("doorstep.wish")
public record WishProperties(
        @DefaultValue("3") int maxOpenClaims,
        @DefaultValue("72h") Duration claimDeadline,
        @DefaultValue("7d") Duration autoConfirmAfter,
        @DefaultValue("5m") Duration jobsEvery,
        @DefaultValue("3") int contentCheckScene,
        @DefaultValue("false") boolean reviewAllByDefault,
        @DefaultValue("10") int postsPerHour) {
}
