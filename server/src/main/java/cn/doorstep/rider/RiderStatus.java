package cn.doorstep.rider;

public enum RiderStatus {
    PENDING,
    VERIFIED,
    REJECTED
}
