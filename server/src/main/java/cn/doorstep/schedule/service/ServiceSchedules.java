package cn.doorstep.schedule.service;

import cn.doorstep.common.ApiException;
import cn.doorstep.schedule.ScheduleError;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/** A service's weekly schedule: checked like a station's opening hours, stored as JSON. */
@Component
class ServiceSchedules {

    private static final TypeReference<List<WeeklyWindow>> RULES = new TypeReference<>() {
    };

    private final ObjectMapper json;

    ServiceSchedules(ObjectMapper json) {
        this.json = json;
    }

    void check(ServiceRequest request) {
        checkWeekly(request.weeklySchedule());
        List<ScheduleException> exceptions = request.exceptions() == null ? List.of() : request.exceptions();
        for (int i = 0; i < exceptions.size(); i++) {
            ScheduleException e = exceptions.get(i);
            if (e.closed()) {
                continue;
            }
            if (e.opens() == null || e.closes() == null) {
                throw ApiException.badField(ScheduleError.BAD_SCHEDULE, "exceptions[" + i + "]",
                        "opens and closes are required unless closed is true");
            }
            if (WeeklyWindow.minutes(e.opens()) == WeeklyWindow.minutes(e.closes())) {
                throw ApiException.badField(ScheduleError.BAD_SCHEDULE, "exceptions[" + i + "].closes", "must differ from opens");
            }
        }
        if (exceptions.stream().map(ScheduleException::date).distinct().count() < exceptions.size()) {
            throw ApiException.badField(ScheduleError.BAD_SCHEDULE, "exceptions", "one entry per date");
        }
    }

    /** No empty window, none overlapping another (a window past midnight reaches into the next day). */
    private static void checkWeekly(List<WeeklyWindow> windows) {
        var spans = new ArrayList<int[]>();
        for (int i = 0; i < windows.size(); i++) {
            WeeklyWindow w = windows.get(i);
            int opens = WeeklyWindow.minutes(w.opens());
            int closes = WeeklyWindow.minutes(w.closes());
            if (opens == closes) {
                throw ApiException.badField(ScheduleError.BAD_SCHEDULE, "weeklySchedule[" + i + "]",
                        "opens and closes are equal; use 00:00-24:00 for all day");
            }
            int start = (w.day() - 1) * WeeklyWindow.END_OF_DAY + opens;
            int length = closes > opens ? closes - opens : closes + WeeklyWindow.END_OF_DAY - opens;
            spans.add(new int[] {start, start + length, i});
        }
        spans.sort(Comparator.comparingInt(s -> s[0]));
        for (int i = 0; i + 1 < spans.size(); i++) {
            if (spans.get(i)[1] > spans.get(i + 1)[0]) {
                throw ApiException.badField(ScheduleError.BAD_SCHEDULE, "weeklySchedule[" + spans.get(i + 1)[2] + "]",
                        "overlaps weeklySchedule[" + spans.get(i)[2] + "]");
            }
        }
    }

    String write(List<WeeklyWindow> rules) {
        try {
            return json.writeValueAsString(rules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Weekly rules are always writable", e);
        }
    }

    List<WeeklyWindow> weekly(String stored) {
        try {
            return json.readValue(stored, RULES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored schedule is always readable", e);
        }
    }
}
