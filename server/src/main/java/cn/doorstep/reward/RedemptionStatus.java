package cn.doorstep.reward;

/** PENDING until one of the others: each way out is taken once, by one actor. */
public enum RedemptionStatus {
    /** Points spent, stock held; waiting to be collected at the station before the deadline. */
    PENDING,
    /** Handed over: the station's staff scanned the code (核销). */
    REDEEMED,
    /** Cancelled by the user before collection: points and stock given back. */
    CANCELLED,
    /** Not collected before the deadline: points and stock given back automatically. */
    EXPIRED
}
