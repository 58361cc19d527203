package cn.doorstep.deliberation;

/** Where a topic came from: a resident's proposal, a wish, a report (its id stored only), or an admin directly. */
public enum SourceType {
    RESIDENT,
    WISH,
    REPORT,
    DIRECT
}
