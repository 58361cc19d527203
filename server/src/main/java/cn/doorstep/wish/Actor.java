package cn.doorstep.wish;

/** Who took a step, as the timeline shows it (never who exactly, beyond the wish's own people). */
public enum Actor {
    POSTER,
    CLAIMER,
    VOLUNTEER,
    ADMIN,
    GRID_HEAD,
    SYSTEM
}
