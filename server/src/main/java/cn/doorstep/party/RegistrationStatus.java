package cn.doorstep.party;

public enum RegistrationStatus {
    PENDING,
    CONFIRMED,
    REJECTED
}
