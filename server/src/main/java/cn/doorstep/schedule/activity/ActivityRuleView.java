package cn.doorstep.schedule.activity;

import cn.doorstep.schedule.BookingAudience;
import java.time.LocalDate;

/**
 * A repeating activity as its station shows it; its occurrences are activities with its id as
 * {@code ruleId}. {@code status} ACTIVE (occurrences are made) or ENDED (no more are).
 */
public record ActivityRuleView(long id, long stationId, String title, ActivityKind kind, String place,
                               String description, RuleFrequency frequency, int dayOfWeek, Integer weekOfMonth,
                               String startsAt, String endsAt, LocalDate firstDate, LocalDate lastDate,
                               int horizonDays, int capacity, BookingAudience audience, int points, String status) {
}
