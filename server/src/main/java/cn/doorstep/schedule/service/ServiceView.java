package cn.doorstep.schedule.service;

import cn.doorstep.schedule.BookingAudience;
import java.util.List;

/** A bookable service as residents and staff see it. */
public record ServiceView(long id, long stationId, String name, ServiceKind kind, String description, int capacity,
                          int slotMinutes, List<WeeklyWindow> weeklySchedule, List<ScheduleException> exceptions,
                          int horizonDays, int minNoticeMinutes, int cancelDeadlineMinutes, int weeklyLimit,
                          BookingAudience audience, String status) {
}
