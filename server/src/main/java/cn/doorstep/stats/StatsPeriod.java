package cn.doorstep.stats;

import cn.doorstep.common.ApiException;
import cn.doorstep.common.Zones;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/** The days a statistics reply covers, both included, China time. */
public record StatsPeriod(LocalDate from, LocalDate to) {

    /** The longest custom period (and rebuild), in days. */
    public static final int MAX_DAYS = 366;
    /** The last day a date column holds: the week of 9999-12-31 ends there. */
    private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    /**
     * {@code day}, {@code week} (Monday to Sunday) or {@code month} containing {@code date} (today, China time, when
     * absent), or {@code custom} from {@code from} to {@code to}. 400 {@link StatsError#PERIOD_INVALID} otherwise.
     */
    public static StatsPeriod of(String period, LocalDate date, LocalDate from, LocalDate to, Clock clock) {
        String p = period == null ? "day" : period;
        if (p.equals("custom")) {
            if (date != null) {
                throw bad("date", "is for day, week and month; custom takes from and to");
            }
            if (from == null || to == null) {
                throw bad(from == null ? "from" : "to", "is required with period=custom");
            }
            if (from.isAfter(to)) {
                throw bad("to", "must not be before from");
            }
            if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
                throw bad("to", "at most " + MAX_DAYS + " days from from");
            }
            return new StatsPeriod(from, to);
        }
        if (from != null || to != null) {
            throw bad(from != null ? "from" : "to", "is only for period=custom");
        }
        LocalDate d = date != null ? date : LocalDate.ofInstant(clock.instant(), Zones.CHINA);
        return switch (p) {
            case "day" -> new StatsPeriod(d, d);
            case "week" -> {
                LocalDate monday = d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new StatsPeriod(monday, min(monday.plusDays(6), LAST_DAY));
            }
            case "month" -> new StatsPeriod(d.withDayOfMonth(1), d.with(TemporalAdjusters.lastDayOfMonth()));
            default -> throw bad("period", "must be day, week, month or custom");
        };
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? b : a;
    }

    private static ApiException bad(String field, String problem) {
        return ApiException.badField(StatsError.PERIOD_INVALID, field, problem);
    }
}
