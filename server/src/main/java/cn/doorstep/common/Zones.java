package cn.doorstep.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Times are stored in UTC and shown, and reasoned about by people, in China Standard Time. */
public final class Zones {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private Zones() {
    }

    /** When a China date begins, as an instant; null for null (a list filter left out). */
    public static Instant startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(CHINA).toInstant();
    }

    /** When a China date ends (the next one begins): the exclusive end of a filter whose last day is {@code day}. */
    public static Instant endOf(LocalDate day) {
        return day == null ? null : day.plusDays(1).atStartOfDay(CHINA).toInstant();
    }
}
