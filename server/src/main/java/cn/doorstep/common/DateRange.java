package cn.doorstep.common;

import java.time.Instant;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * The dates and times the API accepts: the years 1900 to 9999. MySQL's DATE and DATETIME end with
 * 9999 — a later one fails the insert or the query, a 500 — and nothing this service records is older
 * than 1900. Every date, local date-time or instant a request carries is held to this once, where it
 * is read ({@link DateRangeConfiguration}: Spring's conversion of query parameters and path variables,
 * Jackson's of bodies), as a 400 naming it; services never see one outside it.
 */
public final class DateRange {

    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 9999;
    /** What the 400 says of a date or time that is malformed or out of range. */
    public static final String EXPECTED = "must be an ISO date or time in the years " + FIRST_YEAR + "-" + LAST_YEAR;

    private static final Instant FIRST_INSTANT = Instant.parse(FIRST_YEAR + "-01-01T00:00:00Z");
    private static final Instant AFTER_LAST_INSTANT = Instant.parse("+" + (LAST_YEAR + 1) + "-01-01T00:00:00Z");

    private DateRange() {
    }

    /** True for a value in range, and for one without a date (a time of day). */
    public static boolean accepts(TemporalAccessor value) {
        if (value instanceof Instant instant) { // compared as is: an extreme instant has no year to convert to
            return !instant.isBefore(FIRST_INSTANT) && instant.isBefore(AFTER_LAST_INSTANT);
        }
        if (!value.isSupported(ChronoField.YEAR)) {
            return true;
        }
        int year = value.get(ChronoField.YEAR);
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }
}
