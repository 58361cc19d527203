package cn.doorstep.station.hours;

import cn.doorstep.audit.AuditLog;
import cn.doorstep.common.AfterCommit;
import cn.doorstep.common.ApiException;
import cn.doorstep.common.CommonError;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.station.internal.StationKeys;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * China's public holidays and make-up working days (调休), edited by admins in MySQL and mirrored in
 * the Redis hash {@code station:{map}:holidays} (date → kind) that the map search reads.
 */
@Service
public class HolidayCalendar {

    /** The Redis mirror: a hash of date → kind, with a marker field that says it was loaded whole. */
    public static final String KEY = StationKeys.HOLIDAYS;
    private static final String LOADED = "_loaded";

    private final PublicHolidayMapper days;
    private final StringRedisTemplate redis;
    private final AuditLog audit;
    private final Clock clock;

    HolidayCalendar(PublicHolidayMapper days, StringRedisTemplate redis, AuditLog audit, Clock clock) {
        this.days = days;
        this.redis = redis;
        this.audit = audit;
        this.clock = clock;
    }

    public record CalendarDay(LocalDate date, DayKind kind, String name) {
    }

    /**
     * The hash fields to read with another call for {@link #around}: the load marker, {@code today}
     * and the day before (a window that opened yesterday may still run).
     */
    public static List<String> fieldsAround(LocalDate today) {
        return List.of(LOADED, today.toString(), today.minusDays(1).toString());
    }

    /**
     * The calendar for today and yesterday from values read with {@link #fieldsAround}; when they show
     * the mirror was lost, it is reloaded from MySQL and read again.
     */
    public Function<LocalDate, DayKind> around(LocalDate today, List<?> values) {
        if (values == null || values.size() < 3 || values.get(0) == null) {
            Map<LocalDate, DayKind> kinds = kindsOf(List.of(today, today.minusDays(1)));
            return kinds::get;
        }
        DayKind todays = values.get(1) == null ? null : DayKind.valueOf(values.get(1).toString());
        DayKind yesterdays = values.get(2) == null ? null : DayKind.valueOf(values.get(2).toString());
        LocalDate yesterday = today.minusDays(1);
        return date -> date.equals(today) ? todays : date.equals(yesterday) ? yesterdays : null;
    }

    /** The calendar's entries for these dates (one Redis round trip); plain days are absent. */
    public Map<LocalDate, DayKind> kindsOf(List<LocalDate> dates) {
        var fields = new ArrayList<Object>();
        fields.add(LOADED);
        dates.forEach(d -> fields.add(d.toString()));
        List<Object> values = redis.opsForHash().multiGet(KEY, fields);
        if (values.get(0) == null) {
            reload();
            values = redis.opsForHash().multiGet(KEY, fields);
        }
        var out = new HashMap<LocalDate, DayKind>();
        for (int i = 0; i < dates.size(); i++) {
            Object kind = values.get(i + 1);
            if (kind != null) {
                out.put(dates.get(i), DayKind.valueOf((String) kind));
            }
        }
        return out;
    }

    /** The first public holiday on or after {@code from} that the calendar knows, from MySQL (the record). */
    @Transactional(readOnly = true)
    public java.util.Optional<CalendarDay> firstHolidayFrom(LocalDate from) {
        return java.util.Optional.ofNullable(days.selectFirstHolidayFrom(from))
                .map(d -> new CalendarDay(d.getDay(), DayKind.valueOf(d.getKind()), d.getName()));
    }

    @Transactional(readOnly = true)
    public List<CalendarDay> year(int year) {
        return days.selectYear(year).stream()
                .map(d -> new CalendarDay(d.getDay(), DayKind.valueOf(d.getKind()), d.getName())).toList();
    }

    @Transactional
    public CalendarDay set(CurrentUser admin, LocalDate date, DayKind kind, String name) {
        requirePlatformAdmin(admin);
        var day = new PublicHoliday();
        day.setDay(date);
        day.setKind(kind.name());
        day.setName(name);
        day.setUpdatedAt(clock.instant());
        days.upsert(day);
        audit.record(admin.id(), "holiday.set", "holiday", date, kind.name());
        AfterCommit.run(() -> redis.opsForHash().put(KEY, date.toString(), kind.name()));
        return new CalendarDay(date, kind, name);
    }

    @Transactional
    public void remove(CurrentUser admin, LocalDate date) {
        requirePlatformAdmin(admin);
        if (days.deleteById(date) == 0) {
            throw new ApiException(CommonError.NOT_FOUND, "No calendar entry on " + date);
        }
        audit.record(admin.id(), "holiday.remove", "holiday", date, null);
        AfterCommit.run(() -> redis.opsForHash().delete(KEY, date.toString()));
    }

    /** The calendar is national: a community's admin may read it, only a platform admin may change it. */
    private static void requirePlatformAdmin(CurrentUser admin) {
        if (!admin.isPlatformAdmin()) {
            throw new ApiException(CommonError.FORBIDDEN, "Only a platform admin may change the holiday calendar");
        }
    }

    /** Mirrors the whole table into Redis (at start-up, or when Redis lost the hash). */
    public void reload() {
        var all = new HashMap<String, String>();
        days.selectList(null).forEach(d -> all.put(d.getDay().toString(), d.getKind()));
        all.put(LOADED, clock.instant().toString());
        redis.delete(KEY);
        redis.opsForHash().putAll(KEY, all);
    }
}
