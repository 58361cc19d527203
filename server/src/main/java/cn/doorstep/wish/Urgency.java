package cn.doorstep.wish;

public enum Urgency {
    LOW,
    NORMAL,
    HIGH
}
