package cn.doorstep.deliberation;

import cn.doorstep.audit.AuditLog;
import cn.doorstep.common.ApiException;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.common.Transactions;
import cn.doorstep.common.Zones;
import cn.doorstep.deliberation.TopicDetail.TaskView;
import cn.doorstep.deliberation.internal.Task;
import cn.doorstep.deliberation.internal.TaskMapper;
import cn.doorstep.deliberation.internal.TopicMapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-up tasks: their owner (a user) or an admin of the community marks one done with a note, once; when the
 * last open task of a topic is done the topic is DONE. Overdue is computed against the app clock (China date).
 */
@Service
public class Tasks {

    private final TaskMapper tasks;
    private final TopicMapper topics;
    private final TopicViews views;
    private final Agenda agenda;
    private final AuditLog audit;
    private final Transactions transactions;
    private final Clock clock;

    Tasks(TaskMapper tasks, TopicMapper topics, TopicViews views, Agenda agenda, AuditLog audit,
          Transactions transactions, Clock clock) {
        this.tasks = tasks;
        this.topics = topics;
        this.views = views;
        this.agenda = agenda;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Marks a task done (compare-and-set from OPEN: of two marking at once, one wins, the other 409) under the
     * topic's row lock, then settles the topic. An admin marking another's task is audited.
     */
    public TopicDetail done(CurrentUser me, long id, String note) {
        Task task = tasks.selectById(id);
        boolean owner = task != null && Objects.equals(task.getOwnerUserId(), me.id());
        if (task == null || !owner && !me.isAdminOf(task.getCommunityId())) {
            throw new ApiException(DeliberationError.TASK_NOT_FOUND);
        }
        transactions.readCommitted(() -> {
            topics.selectForUpdate(task.getTopicId());
            if (tasks.doneIfOpen(id, note.strip(), me.id(), clock.instant()) == 0) {
                throw new ApiException(DeliberationError.TASK_DONE);
            }
            TopicStatus status = agenda.settle(task.getTopicId());
            if (!owner) {
                audit.record(me.id(), task.getCommunityId(), "deliberation.task.done", "deliberation_task", id,
                        "topic " + task.getTopicId() + " now " + status);
            }
        });
        return views.detail(me.id(), task.getTopicId());
    }

    /**
     * A page of the tasks of the caller's communities (or of the one asked for, if theirs; another lists nothing),
     * soonest deadline first; {@code overdue}: only the open ones past their deadline.
     */
    @Transactional(readOnly = true)
    public PageResult<TaskView> forAdmin(CurrentUser me, Long communityId, boolean overdue, PageQuery page) {
        Set<Long> scope = communityId == null ? me.adminCommunityIds()
                : me.isAdminOf(communityId) ? Set.of(communityId) : Set.of();
        if (scope.isEmpty()) {
            return PageResult.of(List.of(), 0, page);
        }
        LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
        Page<Task> rows = tasks.selectForAdmin(scope, overdue ? today : null, new Page<>(page.page(), page.size()));
        return PageResult.of(views.tasks(rows.getRecords()), rows.getTotal(), page);
    }
}
