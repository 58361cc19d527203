package cn.doorstep.station.hours;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Everything that decides whether a station is open at a moment: weekly windows, the holiday policy,
 * dated exceptions and a same-day manual closure. Pure: the caller supplies the local time and the
 * calendar, so the rules can be tested without a clock or a database.
 *
 * @param weekly      per ISO day-of-week (1..7), windows as [opensMinute, closesMinute]; closes ≤ opens
 *                    means the window runs past midnight
 * @param exceptions  dated overrides; an empty window list means closed that day
 * @param closedOn    the China-time date a CLOSED_TODAY live status applies to, or null
 */
public record Schedule(Map<Integer, List<int[]>> weekly, HolidayPolicy policy, Map<LocalDate, List<int[]>> exceptions,
                       LocalDate closedOn) {

    /** Whether the station is open at {@code at} (the station's local time). */
    public boolean openAt(LocalDateTime at, Function<LocalDate, DayKind> calendar) {
        LocalDate today = at.toLocalDate();
        if (today.equals(closedOn)) {
            return false;
        }
        int minute = at.getHour() * 60 + at.getMinute();
        for (int[] window : windowsOn(today, calendar)) {
            int end = window[1] > window[0] ? window[1] : TimeOfDay.END_OF_DAY;
            if (minute >= window[0] && minute < end) {
                return true;
            }
        }
        for (int[] window : windowsOn(today.minusDays(1), calendar)) {
            if (window[1] <= window[0] && minute < window[1]) {
                return true; // yesterday's window runs past midnight into today
            }
        }
        return false;
    }

    /** The windows that open on {@code date}: its exception if any, else the weekly ones the calendar selects. */
    public List<int[]> windowsOn(LocalDate date, Function<LocalDate, DayKind> calendar) {
        List<int[]> exception = exceptions.get(date);
        if (exception != null) {
            return exception;
        }
        int day = date.getDayOfWeek().getValue();
        if (policy == HolidayPolicy.FOLLOW_CALENDAR) {
            DayKind kind = calendar.apply(date);
            if (kind == DayKind.HOLIDAY) {
                day = DayOfWeek.SUNDAY.getValue();
            } else if (kind == DayKind.WORKDAY) {
                day = DayOfWeek.MONDAY.getValue();
            }
        }
        return weekly.getOrDefault(day, List.of());
    }

    /** "08:00-12:00" strings of the windows opening on {@code date}, for display. */
    public List<String> hoursOn(LocalDate date, Function<LocalDate, DayKind> calendar) {
        var out = new ArrayList<String>();
        for (int[] w : windowsOn(date, calendar)) {
            out.add(TimeOfDay.format(w[0]) + "-" + TimeOfDay.format(w[1]));
        }
        return out;
    }
}
