package cn.doorstep.common;

/** User text searched with SQL LIKE (MyBatis-Plus {@code like} adds the % around it). */
public final class LikeText {

    private LikeText() {
    }

    /** Escapes LIKE's wildcards, so {@code 50%} finds "50%" and {@code a_b} does not find "axb". */
    public static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
