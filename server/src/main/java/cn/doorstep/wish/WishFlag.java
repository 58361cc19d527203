package cn.doorstep.wish;

/** Why a wish waits for its community admin's look, besides its status (shown to the wish's people). */
public enum WishFlag {
    /** WeChat's media check found one of its photos risky: the photo was withdrawn. */
    PHOTO_RISKY,
    /** WeChat asked for a person to look at a photo, or gave no verdict: hidden until an admin decides. */
    PHOTO_REVIEW,
    /** WeChat asked for a person to look at a note, comment or reason. */
    TEXT_REVIEW,
    /** WeChat did not answer for a note, comment or reason (down, slow): nobody has checked it. */
    TEXT_UNCHECKED
}
