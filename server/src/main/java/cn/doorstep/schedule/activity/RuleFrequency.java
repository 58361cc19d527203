package cn.doorstep.schedule.activity;

/** How a repeating activity repeats: every week on its day, or once a month on the n-th (or last) such day. */
public enum RuleFrequency {
    WEEKLY,
    MONTHLY
}
