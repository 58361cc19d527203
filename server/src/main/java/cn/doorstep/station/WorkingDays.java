package cn.doorstep.station;

import cn.doorstep.station.hours.DayKind;
import cn.doorstep.station.hours.HolidayCalendar;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Working days on the national holiday calendar, for other features' deadlines: a public holiday is not
 * one, a 调休 make-up day (a weekend day worked) is, any other Saturday or Sunday is not.
 */
@Service
public class WorkingDays {

    private final HolidayCalendar calendar;

    WorkingDays(HolidayCalendar calendar) {
        this.calendar = calendar;
    }

    /**
     * The {@code n}-th working day after {@code day} ({@code day} itself not counted, whatever it is);
     * {@code day} itself when {@code n} is 0 or less.
     */
    public LocalDate after(LocalDate day, int n) {
        LocalDate cursor = day;
        int left = n;
        while (left > 0) {
            // a window wide enough for n working days around the longest holiday (春节, 9 days), one Redis round trip
            int width = left * 2 + 14;
            List<LocalDate> window = new ArrayList<>(width);
            for (int i = 1; i <= width; i++) {
                window.add(cursor.plusDays(i));
            }
            Map<LocalDate, DayKind> kinds = calendar.kindsOf(window);
            for (LocalDate date : window) {
                cursor = date;
                if (working(date, kinds.get(date)) && --left == 0) {
                    break;
                }
            }
        }
        return cursor;
    }

    /** Whether {@code day} is a working day. */
    public boolean isWorkingDay(LocalDate day) {
        return working(day, calendar.kindsOf(List.of(day)).get(day));
    }

    private static boolean working(LocalDate day, DayKind kind) {
        if (kind != null) {
            return kind == DayKind.WORKDAY;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
