package cn.doorstep.deliberation;

import cn.doorstep.deliberation.internal.MeetingMapper;
import cn.doorstep.deliberation.internal.TaskMapper;
import cn.doorstep.deliberation.internal.TopicMapper;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * The status of a topic on the agenda follows from its meetings and tasks: a meeting still to be minuted →
 * SCHEDULED; else minuted with a task open → DISCUSSED, every task done (or none decided) → DONE; no meeting
 * yet → ACCEPTED. Callers hold the topic's row lock ({@link TopicMapper#selectForUpdate}), so the counts see
 * what every other change of the topic committed.
 */
@Component
class Agenda {

    private final TopicMapper topics;
    private final MeetingMapper meetings;
    private final TaskMapper tasks;
    private final Clock clock;

    Agenda(TopicMapper topics, MeetingMapper meetings, TaskMapper tasks, Clock clock) {
        this.topics = topics;
        this.meetings = meetings;
        this.tasks = tasks;
        this.clock = clock;
    }

    TopicStatus settle(long topicId) {
        TopicStatus status;
        if (meetings.countInStatus(topicId, Meetings.SCHEDULED) > 0) {
            status = TopicStatus.SCHEDULED;
        } else if (meetings.countInStatus(topicId, Meetings.RECORDED) > 0) {
            status = tasks.countOpen(topicId) > 0 ? TopicStatus.DISCUSSED : TopicStatus.DONE;
        } else {
            status = TopicStatus.ACCEPTED;
        }
        topics.moveOnAgenda(topicId, status.name(), clock.instant());
        return status;
    }
}
