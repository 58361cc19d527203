package cn.doorstep.common;

/** Text shortened for a field of limited length: counted in characters (code points), never splitting one. */
public final class Shortened {

    private Shortened() {
    }

    /** {@code value} if it has at most {@code max} characters, else its first {@code max - 1} and an ellipsis. */
    public static String to(String value, int max) {
        return value.codePointCount(0, value.length()) <= max ? value
                : value.substring(0, value.offsetByCodePoints(0, max - 1)) + "…";
    }
}
