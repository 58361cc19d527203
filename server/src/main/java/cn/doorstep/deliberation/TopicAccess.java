package cn.doorstep.deliberation;

import cn.doorstep.common.ApiException;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.deliberation.internal.Task;
import cn.doorstep.deliberation.internal.TaskMapper;
import cn.doorstep.deliberation.internal.Topic;
import cn.doorstep.deliberation.internal.TopicMapper;
import cn.doorstep.user.UserService;
import cn.doorstep.user.UserView;
import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Who sees and runs a topic. Its community's residents (by their profile's community) and admins see it, and
 * so do its proposer and the owners of its tasks; a proposal WeChat held waits unseen by the residents. Anyone
 * else is told there is no such topic (404), admins of other communities included.
 */
@Component
class TopicAccess {

    private final TopicMapper topics;
    private final TaskMapper tasks;
    private final UserService users;

    TopicAccess(TopicMapper topics, TaskMapper tasks, UserService users) {
        this.topics = topics;
        this.tasks = tasks;
        this.users = users;
    }

    /** A resident of the community (by profile) or one of its admins. */
    boolean belongsTo(CurrentUser me, long communityId) {
        return me.isAdminOf(communityId) || Objects.equals(communityOf(me), communityId);
    }

    void requireBelongs(CurrentUser me, long communityId) {
        if (!belongsTo(me, communityId)) {
            throw new ApiException(DeliberationError.NOT_RESIDENT);
        }
    }

    Topic requireVisible(CurrentUser me, long id) {
        Topic topic = topics.selectById(id);
        if (topic == null || !visible(me, topic)) {
            throw new ApiException(DeliberationError.TOPIC_NOT_FOUND);
        }
        return topic;
    }

    /** A topic of one of the caller's communities as their admin; any other is 404. */
    Topic requireAdministered(CurrentUser me, long id) {
        Topic topic = topics.selectById(id);
        if (topic == null || !me.isAdminOf(topic.getCommunityId())) {
            throw new ApiException(DeliberationError.TOPIC_NOT_FOUND);
        }
        return topic;
    }

    static boolean held(Topic topic) {
        return TopicStatus.PROPOSED.name().equals(topic.getStatus()) && topic.getCheckResult() != null
                && !"PASS".equals(topic.getCheckResult());
    }

    private boolean visible(CurrentUser me, Topic topic) {
        if (me.isAdminOf(topic.getCommunityId()) || topic.getCreatedBy() == me.id()) {
            return true;
        }
        if (held(topic)) {
            return false;
        }
        return Objects.equals(communityOf(me), topic.getCommunityId())
                || tasks.exists(new LambdaQueryWrapper<Task>().eq(Task::getTopicId, topic.getId())
                .eq(Task::getOwnerUserId, me.id()));
    }

    private Long communityOf(CurrentUser me) {
        return users.find(me.id()).map(UserView::communityId).orElse(null);
    }
}
