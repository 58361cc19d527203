package cn.doorstep.deliberation;

import cn.doorstep.common.Zones;
import cn.doorstep.deliberation.TopicDetail.MeetingView;
import cn.doorstep.deliberation.TopicDetail.TaskView;
import cn.doorstep.deliberation.internal.Decision;
import cn.doorstep.deliberation.internal.DecisionMapper;
import cn.doorstep.deliberation.internal.Meeting;
import cn.doorstep.deliberation.internal.MeetingMapper;
import cn.doorstep.deliberation.internal.SupportMapper;
import cn.doorstep.deliberation.internal.Task;
import cn.doorstep.deliberation.internal.TaskMapper;
import cn.doorstep.deliberation.internal.Topic;
import cn.doorstep.deliberation.internal.TopicMapper;
import cn.doorstep.schedule.BookingAudience;
import cn.doorstep.schedule.Managers;
import cn.doorstep.schedule.activity.Activities;
import cn.doorstep.schedule.activity.ActivityView;
import cn.doorstep.user.UserService;
import cn.doorstep.user.UserView;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Builds what replies show of topics, meetings and tasks. */
@Component
class TopicViews {

    private final TopicMapper topics;
    private final MeetingMapper meetings;
    private final DecisionMapper decisions;
    private final TaskMapper tasks;
    private final SupportMapper supports;
    private final Activities activities;
    private final Managers managers;
    private final UserService users;
    private final Clock clock;

    TopicViews(TopicMapper topics, MeetingMapper meetings, DecisionMapper decisions, TaskMapper tasks,
               SupportMapper supports, Activities activities, Managers managers, UserService users, Clock clock) {
        this.topics = topics;
        this.meetings = meetings;
        this.decisions = decisions;
        this.tasks = tasks;
        this.supports = supports;
        this.activities = activities;
        this.managers = managers;
        this.users = users;
        this.clock = clock;
    }

    static TopicCard card(Topic t) {
        return new TopicCard(t.getId(), t.getCommunityId(), t.getTitle(), TopicStatus.valueOf(t.getStatus()),
                SourceType.valueOf(t.getSourceType()), t.getSourceId(), t.getSupporters(), TopicAccess.held(t),
                t.getCreatedAt());
    }

    TopicDetail detail(long viewerId, long topicId) {
        Topic t = topics.selectById(topicId);
        List<Meeting> ms = meetings.selectByTopic(topicId);
        Map<Long, List<String>> decided = decisions.selectOfMeetings(ms.stream().map(Meeting::getId).toList()).stream()
                .collect(Collectors.groupingBy(Decision::getMeetingId,
                        Collectors.mapping(Decision::getText, Collectors.toList())));
        return new TopicDetail(t.getId(), t.getCommunityId(), t.getTitle(), t.getBody(),
                TopicStatus.valueOf(t.getStatus()), SourceType.valueOf(t.getSourceType()), t.getSourceId(),
                t.getCreatedBy(), t.getSupporters(), supports.count(topicId, viewerId) > 0, TopicAccess.held(t),
                t.getDeclineReason(), t.getDecidedAt(), t.getCreatedAt(),
                ms.stream().map(m -> meeting(m, decided.getOrDefault(m.getId(), List.of()))).toList(),
                tasks(tasks.selectByTopic(topicId)));
    }

    private MeetingView meeting(Meeting m, List<String> decided) {
        ActivityView a = activity(m);
        return new MeetingView(m.getId(), m.getStationId(), m.getActivityId(), a == null ? null : a.title(),
                a == null ? null : a.place(), BookingAudience.valueOf(m.getAudience()), m.getStartsAt(), m.getEndsAt(),
                a == null ? null : a.capacity(), a == null ? null : a.capacity() - a.seatsLeft(), m.getStatus(),
                m.getMinutes(), m.getAttendance(), decided, m.getRecordedAt());
    }

    /**
     * The meeting's activity, or null when its station no longer runs (asked first: the schedule's 404, thrown
     * inside a caller's transaction, would mark it rollback-only).
     */
    private ActivityView activity(Meeting m) {
        return managers.isActive(m.getStationId()) ? activities.get(m.getActivityId()) : null;
    }

    /** Tasks with their owners' names (one statement for the users) and whether each is overdue today (China). */
    List<TaskView> tasks(List<Task> rows) {
        Map<Long, UserView> owners = users.findAll(rows.stream().map(Task::getOwnerUserId).filter(Objects::nonNull)
                .distinct().toList());
        LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
        return rows.stream().map(t -> new TaskView(t.getId(), t.getTopicId(), t.getMeetingId(), t.getTitle(),
                t.getOwnerUserId(), t.getOwnerUserId() == null ? t.getOwnerName()
                : owners.containsKey(t.getOwnerUserId()) ? owners.get(t.getOwnerUserId()).nickname() : null,
                t.getDueDate(), t.getStatus(), "OPEN".equals(t.getStatus()) && t.getDueDate().isBefore(today),
                t.getDoneNote(), t.getDoneAt())).toList();
    }
}
