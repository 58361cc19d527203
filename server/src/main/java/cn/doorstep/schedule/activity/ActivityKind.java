package cn.doorstep.schedule.activity;

/**
 * What an activity is, for residents to filter by: 集市, 义剪, 义诊, 讲座, 文体, 志愿服务, 议事 (a meeting of
 * the deliberation module: 议事会, 恳谈会), or other.
 */
public enum ActivityKind {
    MARKET,
    HAIRCUT,
    CLINIC,
    LECTURE,
    CULTURE,
    SERVICE,
    DELIBERATION,
    OTHER
}
