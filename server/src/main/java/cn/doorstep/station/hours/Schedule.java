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
 * dated exceptions and a staff "closed today". Pure: the caller supplies the local time and the
 * calendar, so the rules can be tested without a clock or a database.
 *
 * <p>A day's opening is the windows that <em>open</em> on it, including one that runs past midnight.
 * "Closed today" closes the station from the moment it is set through the end of that (China-time)
 * date's opening: set at 21:00 on a 20:00–02:00 evening, the station stays closed until 02:00, and the
 * label shows until then too.
 *
 * @param weekly      per ISO day-of-week (1..7), windows as [opensMinute, closesMinute]; closes ≤ opens
 *                    means the window runs past midnight
 * @param exceptions  dated overrides; an empty window list means closed that day
 * @param closedOn    the China-time date a CLOSED_TODAY live status was set on, or null
 */
public record Schedule(Map<Integer, List<int[]>> weekly, HolidayPolicy policy, Map<LocalDate, List<int[]>> exceptions,
                       LocalDate closedOn) {

    /**
     * The station at one moment: open or not, whether a staff closure still applies, and the windows
     * that open today (formatted only when asked: the map filter never needs them).
     */
    public record Now(boolean open, boolean closedByStaff, List<int[]> todayWindows) {

        /** "08:00-12:00" strings of today's windows, for display. */
        public List<String> todayHours() {
            return format(todayWindows);
        }
    }

    /** The one computation the map filter, the map's items and the station page all read. */
    public Now at(LocalDateTime at, Function<LocalDate, DayKind> calendar) {
        LocalDate today = at.toLocalDate();
        int minute = at.getHour() * 60 + at.getMinute();
        List<int[]> todays = windowsOn(today, calendar);
        boolean inToday = false;
        for (int[] window : todays) {
            int end = window[1] > window[0] ? window[1] : TimeOfDay.END_OF_DAY;
            if (minute >= window[0] && minute < end) {
                inToday = true;
                break;
            }
        }
        boolean inYesterdays = false;
        for (int[] window : windowsOn(today.minusDays(1), calendar)) {
            if (window[1] <= window[0] && minute < window[1]) {
                inYesterdays = true; // yesterday's window runs past midnight into today
                break;
            }
        }
        // closed from the moment it was set through the end of that date's opening, small hours included
        boolean closedByStaff = today.equals(closedOn) || (inYesterdays && today.minusDays(1).equals(closedOn));
        return new Now(!closedByStaff && (inToday || inYesterdays), closedByStaff, todays);
    }

    /** Whether the station is open at {@code at} (the station's local time). */
    public boolean openAt(LocalDateTime at, Function<LocalDate, DayKind> calendar) {
        return at(at, calendar).open();
    }

    /** The windows that open on {@code date}: its exception if any, else the weekly ones the calendar selects. */
    public List<int[]> windowsOn(LocalDate date, Function<LocalDate, DayKind> calendar) {
        List<int[]> exception = exceptions.get(date);
        if (exception != null) {
            return exception;
        }
        return weekly.getOrDefault(weekdayOf(date, policy, calendar), List.of());
    }

    /**
     * The ISO day of the week (1..7) whose weekly hours apply on {@code date}: under FOLLOW_CALENDAR a
     * public holiday keeps Sunday's, a make-up working day (调休) Monday's. Bookable services follow it too.
     */
    public static int weekdayOf(LocalDate date, HolidayPolicy policy, Function<LocalDate, DayKind> calendar) {
        int day = date.getDayOfWeek().getValue();
        if (policy == HolidayPolicy.FOLLOW_CALENDAR) {
            DayKind kind = calendar.apply(date);
            if (kind == DayKind.HOLIDAY) {
                day = DayOfWeek.SUNDAY.getValue();
            } else if (kind == DayKind.WORKDAY) {
                day = DayOfWeek.MONDAY.getValue();
            }
        }
        return day;
    }

    /** "08:00-12:00" strings of the windows opening on {@code date}, for display. */
    public List<String> hoursOn(LocalDate date, Function<LocalDate, DayKind> calendar) {
        return format(windowsOn(date, calendar));
    }

    private static List<String> format(List<int[]> windows) {
        if (windows.isEmpty()) {
            return List.of();
        }
        var out = new ArrayList<String>(windows.size());
        for (int[] w : windows) {
            out.add(TimeOfDay.format(w[0]) + "-" + TimeOfDay.format(w[1]));
        }
        return out;
    }
}
