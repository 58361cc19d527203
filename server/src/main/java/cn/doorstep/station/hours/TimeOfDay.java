package cn.doorstep.station.hours;

/** "HH:mm" ↔ minutes since midnight; "24:00" is the end of the day (1440). */
public final class TimeOfDay {

    public static final String PATTERN = "([01]\\d|2[0-3]):[0-5]\\d";
    public static final String PATTERN_24 = "(([01]\\d|2[0-3]):[0-5]\\d|24:00)";
    public static final int END_OF_DAY = 24 * 60;

    private TimeOfDay() {
    }

    public static int minutes(String hhmm) {
        return Integer.parseInt(hhmm.substring(0, 2)) * 60 + Integer.parseInt(hhmm.substring(3, 5));
    }

    /** "HH:mm" (by hand: String.format was a visible cost of every map item). */
    public static String format(int minutes) {
        int h = minutes / 60;
        int m = minutes % 60;
        return new String(new char[] {(char) ('0' + h / 10), (char) ('0' + h % 10), ':', (char) ('0' + m / 10),
                (char) ('0' + m % 10)});
    }
}
