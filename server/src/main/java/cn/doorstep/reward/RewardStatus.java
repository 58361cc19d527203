package cn.doorstep.reward;

/** Whether residents can see and redeem a reward (inside its availability window). */
public enum RewardStatus {
    ACTIVE,
    /** Taken off the catalogue by an admin; redemptions made before stay collectable. */
    WITHDRAWN
}
