package cn.doorstep.volunteer;

/**
 * The fixed list of skills a volunteer offers (the mini-program shows the Chinese labels; the docs page
 * lists them). New skills are added at the end; a name never changes.
 */
public enum VolunteerSkill {
    /** 助老助残: visits, company, errands for the elderly and disabled */
    ELDERLY_CARE,
    /** 儿童看护与课业辅导 */
    CHILD_TUTORING,
    /** 家电维修、水电维修 */
    REPAIRS,
    /** 环境清洁、垃圾分类 */
    CLEANING,
    /** 医疗健康: first aid, health checks (for the qualified) */
    MEDICAL,
    /** 法律咨询 */
    LEGAL_ADVICE,
    /** 心理疏导 */
    COUNSELLING,
    /** 智能手机与网上办事教学 */
    DIGITAL_HELP,
    /** 理发 (义剪) */
    HAIRCUT,
    /** 文体活动组织 */
    CULTURE_SPORTS,
    /** 活动保障、秩序维护 */
    EVENT_SUPPORT,
    /** 驾车接送、跑腿代购 */
    DRIVING_ERRANDS,
    /** 其他 */
    OTHER
}
