package cn.doorstep.media;

/** Where an image is in WeChat's media check. Only a PASSED image is shown to anyone but its uploader and admins. */
public enum ImageCheck {
    /** Stored; WeChat has not taken the check yet (down, slow, busy): the media-check job sends it again. */
    PENDING,
    /** WeChat took it; its verdict comes to the message push. */
    CHECKING,
    /** WeChat said pass (or an admin released it). */
    PASSED,
    /** WeChat said review, or no verdict came after the retries: an admin decides. */
    REVIEW,
    /** WeChat said risky (or an admin withdrew it): the file left the served folder for good. */
    WITHDRAWN;

    /** {@code check_label} of an image escalated because no verdict came: a late verdict still decides it. */
    public static final String NO_VERDICT = "NO_VERDICT";

    public boolean shownToAll() {
        return this == PASSED;
    }
}
