package cn.doorstep.report;

/** What a report is about: 路灯照明, 道路, 环境卫生, 消防通道, 供暖, 供水, 物业管理, 噪音, 治安安全, or other. */
public enum ReportCategory {
    LIGHTING,
    ROADS,
    SANITATION,
    FIRE_LANES,
    HEATING,
    WATER,
    PROPERTY,
    NOISE,
    SAFETY,
    OTHER
}
