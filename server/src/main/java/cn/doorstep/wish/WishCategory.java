package cn.doorstep.wish;

/** What kind of help is wished for. */
public enum WishCategory {
    /** 生活帮扶 */
    DAILY_HELP,
    /** 维修 */
    REPAIRS,
    /** 陪伴 */
    COMPANY,
    /** 助老 */
    ELDERLY_CARE,
    /** 学业辅导 */
    STUDY_HELP,
    /** 其他 */
    OTHER
}
