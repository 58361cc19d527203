package cn.doorstep.station.hours;

import cn.doorstep.common.ApiException;
import cn.doorstep.station.StationError;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The checks opening hours must pass beyond their format: no empty and no overlapping windows. */
public final class HoursRules {

    private static final int WEEK = 7 * TimeOfDay.END_OF_DAY;

    private HoursRules() {
    }

    public static void checkWeekly(List<WeeklyRule> rules) {
        var spans = new ArrayList<int[]>();
        for (int i = 0; i < rules.size(); i++) {
            WeeklyRule r = rules.get(i);
            int opens = TimeOfDay.minutes(r.opens());
            int closes = TimeOfDay.minutes(r.closes());
            if (opens == closes) {
                throw ApiException.badField(StationError.BAD_HOURS, "weeklyHours[" + i + "]",
                        "opens and closes are equal; use 00:00-24:00 for all day");
            }
            int start = (r.day() - 1) * TimeOfDay.END_OF_DAY + opens;
            int length = closes > opens ? closes - opens : closes + TimeOfDay.END_OF_DAY - opens;
            spans.add(new int[] {start, start + length, i});
        }
        spans.sort(Comparator.comparingInt(s -> s[0]));
        for (int i = 0; i < spans.size(); i++) {
            int[] a = spans.get(i);
            int[] b = spans.get((i + 1) % spans.size());
            int nextStart = i + 1 < spans.size() ? b[0] : b[0] + WEEK; // Sunday night runs into Monday
            if (spans.size() > 1 && a[1] > nextStart) {
                throw ApiException.badField(StationError.BAD_HOURS, "weeklyHours[" + b[2] + "]",
                        "overlaps weeklyHours[" + a[2] + "]");
            }
        }
    }

    /** How far ahead an exception may be set: the facets and pages carry every one from yesterday on. */
    static final int MAX_DAYS_AHEAD = 366;

    /** An exception is for today or a coming date, at most a year ahead. */
    public static void checkExceptionDate(LocalDate date, LocalDate today) {
        if (date.isBefore(today) || date.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
            throw ApiException.badField(StationError.BAD_HOURS, "date",
                    "must be between " + today + " and " + today.plusDays(MAX_DAYS_AHEAD));
        }
    }

    public static void checkException(ExceptionRequest e) {
        if (e.closed()) {
            return;
        }
        if (e.opens() == null || e.closes() == null) {
            throw ApiException.badField(StationError.BAD_HOURS, e.opens() == null ? "opens" : "closes",
                    "is required unless closed is true");
        }
        if (TimeOfDay.minutes(e.opens()) == TimeOfDay.minutes(e.closes())) {
            throw ApiException.badField(StationError.BAD_HOURS, "closes", "must differ from opens");
        }
    }
}
