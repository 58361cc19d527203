package cn.doorstep.deliberation;

import cn.doorstep.audit.AuditLog;
import cn.doorstep.common.ApiException;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.Shortened;
import cn.doorstep.common.Transactions;
import cn.doorstep.common.Zones;
import cn.doorstep.deliberation.DeliberationRequests.MeetingRequest;
import cn.doorstep.deliberation.DeliberationRequests.MinutesRequest;
import cn.doorstep.deliberation.DeliberationRequests.TaskRequest;
import cn.doorstep.deliberation.internal.Decision;
import cn.doorstep.deliberation.internal.DecisionMapper;
import cn.doorstep.deliberation.internal.Meeting;
import cn.doorstep.deliberation.internal.MeetingMapper;
import cn.doorstep.deliberation.internal.SupportMapper;
import cn.doorstep.deliberation.internal.Task;
import cn.doorstep.deliberation.internal.TaskMapper;
import cn.doorstep.deliberation.internal.Topic;
import cn.doorstep.deliberation.internal.TopicMapper;
import cn.doorstep.notify.NotificationKind;
import cn.doorstep.notify.Notifier;
import cn.doorstep.schedule.BookingAudience;
import cn.doorstep.schedule.activity.Activities;
import cn.doorstep.schedule.activity.ActivityKind;
import cn.doorstep.schedule.activity.ActivityRequest;
import cn.doorstep.schedule.activity.ActivityView;
import cn.doorstep.station.StationDirectory.StationRef;
import cn.doorstep.station.StationDirectory;
import cn.doorstep.station.StationStatus;
import cn.doorstep.user.UserService;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Meetings of a topic: scheduled at a station of its community as an activity of the schedule (kind
 * DELIBERATION; residents, or riders for a 恳谈会, sign up through the booking path and its seat guard), and
 * minuted once afterwards with decisions and follow-up tasks. Every change of a topic's meetings or tasks takes
 * the topic's row lock first (then the rows it changes), so they run one at a time per topic.
 */
@Service
public class Meetings {

    static final String SCHEDULED = "SCHEDULED";
    static final String RECORDED = "RECORDED";
    private static final DateTimeFormatter NOTICE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int ACTIVITY_TITLE_MAX = 40;
    private static final int ACTIVITY_TEXT_MAX = 500;

    private final TopicMapper topics;
    private final MeetingMapper meetings;
    private final DecisionMapper decisions;
    private final TaskMapper tasks;
    private final SupportMapper supports;
    private final TopicAccess access;
    private final TopicViews views;
    private final Agenda agenda;
    private final Activities activities;
    private final StationDirectory stations;
    private final UserService users;
    private final Notifier notifier;
    private final AuditLog audit;
    private final Transactions transactions;
    private final Clock clock;

    Meetings(TopicMapper topics, MeetingMapper meetings, DecisionMapper decisions, TaskMapper tasks,
             SupportMapper supports, TopicAccess access, TopicViews views, Agenda agenda, Activities activities,
             StationDirectory stations, UserService users, Notifier notifier, AuditLog audit, Transactions transactions,
             Clock clock) {
        this.topics = topics;
        this.meetings = meetings;
        this.decisions = decisions;
        this.tasks = tasks;
        this.supports = supports;
        this.access = access;
        this.views = views;
        this.agenda = agenda;
        this.activities = activities;
        this.stations = stations;
        this.users = users;
        this.notifier = notifier;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Schedules a meeting of an accepted topic (or a further one of a scheduled or discussed topic) at a running
     * station of its community: publishes the activity, records the meeting, moves the topic to SCHEDULED, tells
     * the proposer and every supporter (inbox), in one transaction; audited.
     */
    public TopicDetail schedule(CurrentUser me, long topicId, MeetingRequest request) {
        Topic topic = access.requireAdministered(me, topicId);
        StationRef station = stations.find(request.stationId())
                .filter(s -> s.communityId() == topic.getCommunityId() && s.status() == StationStatus.ACTIVE)
                .orElseThrow(() -> ApiException.badField(DeliberationError.STATION_NOT_IN_COMMUNITY, "stationId",
                        "must be a running station of the topic's community"));
        BookingAudience audience = request.audience() == null ? BookingAudience.RESIDENTS : request.audience();
        transactions.readCommitted(() -> {
            Topic locked = topics.selectForUpdate(topicId);
            if (!Set.of(TopicStatus.ACCEPTED.name(), TopicStatus.SCHEDULED.name(), TopicStatus.DISCUSSED.name())
                    .contains(locked.getStatus())) {
                throw new ApiException(DeliberationError.TOPIC_CHANGED, "The topic is " + locked.getStatus()
                        + ": only one on the agenda is scheduled", Map.of("status", locked.getStatus()));
            }
            ActivityView activity = activities.publish(station.id(), new ActivityRequest(
                    title(request.title(), audience, locked.getTitle()), ActivityKind.DELIBERATION,
                    request.place().strip(), Shortened.to(locked.getBody(), ACTIVITY_TEXT_MAX), request.startsAt(),
                    request.endsAt(), request.seats(), audience, 0), me.id());
            var meeting = new Meeting();
            meeting.setTopicId(topicId);
            meeting.setCommunityId(locked.getCommunityId());
            meeting.setStationId(station.id());
            meeting.setActivityId(activity.id());
            meeting.setAudience(audience.name());
            meeting.setStartsAt(activity.startsAt());
            meeting.setEndsAt(activity.endsAt());
            meeting.setStatus(SCHEDULED);
            meeting.setCreatedBy(me.id());
            meetings.insert(meeting);
            agenda.settle(topicId);
            audit.record(me.id(), locked.getCommunityId(), "deliberation.meeting.schedule", "deliberation_meeting",
                    meeting.getId(), "topic " + topicId + ", activity " + activity.id());
            tellSupporters(locked, meeting, activity);
        });
        return views.detail(me.id(), topicId);
    }

    /**
     * Records a meeting's minutes, attendance, decisions and follow-up tasks, once (a second record is 409), after
     * it started; each task's owner who is a user is told (inbox). The topic becomes DISCUSSED, or DONE when no
     * task is open. Audited.
     */
    public TopicDetail record(CurrentUser me, long meetingId, MinutesRequest request) {
        Meeting meeting = meetings.selectById(meetingId);
        if (meeting == null || !me.isAdminOf(meeting.getCommunityId())) {
            throw new ApiException(DeliberationError.MEETING_NOT_FOUND);
        }
        List<TaskRequest> taskRequests = request.tasks() == null ? List.of() : request.tasks();
        requireOwners(taskRequests);
        Instant now = clock.instant();
        if (now.isBefore(meeting.getStartsAt())) {
            throw new ApiException(DeliberationError.MEETING_NOT_STARTED);
        }
        long topicId = meeting.getTopicId();
        transactions.readCommitted(() -> {
            Topic topic = topics.selectForUpdate(topicId);
            if (meetings.recordIfScheduled(meetingId, request.minutes().strip(), request.attendance(), me.id(), now) == 0) {
                throw new ApiException(DeliberationError.MINUTES_RECORDED);
            }
            List<String> decided = request.decisions() == null ? List.of() : request.decisions();
            for (int i = 0; i < decided.size(); i++) {
                var decision = new Decision();
                decision.setMeetingId(meetingId);
                decision.setSortOrder(i);
                decision.setText(decided.get(i).strip());
                decisions.insert(decision);
            }
            for (TaskRequest t : taskRequests) {
                var task = new Task();
                task.setTopicId(topicId);
                task.setMeetingId(meetingId);
                task.setCommunityId(topic.getCommunityId());
                task.setTitle(t.title().strip());
                task.setOwnerUserId(t.ownerUserId());
                task.setOwnerName(t.ownerUserId() == null ? t.ownerName().strip() : null);
                task.setDueDate(t.dueDate());
                task.setStatus("OPEN");
                tasks.insert(task);
                if (task.getOwnerUserId() != null) {
                    tellOwner(topic, task);
                }
            }
            agenda.settle(topicId);
            audit.record(me.id(), topic.getCommunityId(), "deliberation.minutes.record", "deliberation_meeting",
                    meetingId, decided.size() + " decisions, " + taskRequests.size() + " tasks");
        });
        return views.detail(me.id(), topicId);
    }

    /** Each task has exactly one owner: a known user, or a named party. */
    private void requireOwners(List<TaskRequest> requests) {
        for (int i = 0; i < requests.size(); i++) {
            TaskRequest t = requests.get(i);
            boolean named = t.ownerName() != null && !t.ownerName().isBlank();
            if ((t.ownerUserId() == null) == !named) {
                throw ApiException.badField(DeliberationError.BAD_TASK_OWNER, "tasks[" + i + "].ownerUserId",
                        "give exactly one of ownerUserId and ownerName");
            }
            if (t.ownerUserId() != null && users.find(t.ownerUserId()).isEmpty()) {
                throw ApiException.badField(DeliberationError.BAD_TASK_OWNER, "tasks[" + i + "].ownerUserId",
                        "no such user");
            }
        }
    }

    private static String title(String given, BookingAudience audience, String topicTitle) {
        if (given != null && !given.isBlank()) {
            return given.strip();
        }
        return Shortened.to((audience == BookingAudience.RIDERS ? "骑手恳谈会：" : "议事会：") + topicTitle, ACTIVITY_TITLE_MAX);
    }

    /**
     * {@code DELIBERATION_MEETING} to the proposer (a resident's topic) and every supporter: {@code thing1} the
     * topic, {@code time2} when (China time), {@code thing3} where. One per meeting and person.
     */
    private void tellSupporters(Topic topic, Meeting meeting, ActivityView activity) {
        Set<Long> told = new LinkedHashSet<>();
        if (SourceType.RESIDENT.name().equals(topic.getSourceType())) {
            told.add(topic.getCreatedBy());
        }
        told.addAll(supports.supportersOf(topic.getId()));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("thing1", topic.getTitle());
        fields.put("time2", NOTICE_TIME.format(activity.startsAt().atZone(Zones.CHINA)));
        fields.put("thing3", activity.place());
        for (long userId : told) {
            notifier.notify(userId, NotificationKind.DELIBERATION_MEETING, fields,
                    "pages/deliberation/topic?id=" + topic.getId(), "deliberation-meeting:" + meeting.getId());
        }
    }

    /** {@code DELIBERATION_TASK} to a task's owner: {@code thing1} the task, {@code date2} its deadline, {@code thing3} the topic. */
    private void tellOwner(Topic topic, Task task) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("thing1", task.getTitle());
        fields.put("date2", task.getDueDate().toString());
        fields.put("thing3", topic.getTitle());
        notifier.notify(task.getOwnerUserId(), NotificationKind.DELIBERATION_TASK, fields,
                "pages/deliberation/topic?id=" + topic.getId(), "deliberation-task:" + task.getId());
    }
}
