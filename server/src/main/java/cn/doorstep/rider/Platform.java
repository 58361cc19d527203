package cn.doorstep.rider;

/** Who a rider delivers for. */
public enum Platform {
    MEITUAN,
    ELEME,
    SF,
    JD,
    DADA,
    SHANSONG,
    EMS,
    ZTO,
    YTO,
    STO,
    YUNDA,
    JT,
    OTHER
}
