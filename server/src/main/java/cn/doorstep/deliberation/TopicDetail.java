package cn.doorstep.deliberation;

import cn.doorstep.schedule.BookingAudience;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A topic's page: the topic, its meetings (each with its activity, seats and sign-ups, minutes and decisions)
 * and where each follow-up task stands.
 *
 * @param supportedByMe whether the caller seconded it
 */
public record TopicDetail(long id, long communityId, String title, String text, TopicStatus status,
                          SourceType sourceType, Long sourceId, long createdBy, int supporters, boolean supportedByMe,
                          boolean held, String declineReason, Instant decidedAt, Instant createdAt,
                          List<MeetingView> meetings, List<TaskView> tasks) {

    /**
     * A meeting; sign up with {@code POST /api/v1/bookings {"activityId": activityId}}.
     *
     * @param title    the activity's, null when its station no longer runs (so for {@code place}, {@code seats},
     *                 {@code signedUp})
     * @param signedUp seats taken (booked) of {@code seats}
     * @param status   SCHEDULED, or RECORDED once its minutes are in
     */
    public record MeetingView(long id, long stationId, long activityId, String title, String place,
                              BookingAudience audience, Instant startsAt, Instant endsAt, Integer seats,
                              Integer signedUp, String status, String minutes, Integer attendance,
                              List<String> decisions, Instant recordedAt) {
    }

    /**
     * A follow-up task.
     *
     * @param ownerUserId the owner when a user of the system, else null
     * @param ownerName   the named party (物业), or the owner user's nickname
     * @param overdue     open and its deadline (a China date) passed
     */
    public record TaskView(long id, long topicId, long meetingId, String title, Long ownerUserId, String ownerName,
                           LocalDate dueDate, String status, boolean overdue, String doneNote, Instant doneAt) {
    }
}
