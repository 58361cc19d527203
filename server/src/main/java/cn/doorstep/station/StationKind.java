package cn.doorstep.station;

/** What a station is: a party-and-people service station (党群服务站) and/or a warm station (暖新驿站). */
public enum StationKind {
    SERVICE,
    WARM
}
