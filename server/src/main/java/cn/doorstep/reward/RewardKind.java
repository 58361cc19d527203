package cn.doorstep.reward;

/** 积分兑实物 or 积分兑服务. */
public enum RewardKind {
    /** Something handed over at the station: rice, oil, an umbrella. */
    GOODS,
    /** Something done for the holder: a haircut, an hour of cleaning. */
    SERVICE
}
