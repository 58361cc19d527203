package cn.doorstep.common;

import java.time.ZoneId;

/** Times are stored in UTC and shown, and reasoned about by people, in China Standard Time. */
public final class Zones {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private Zones() {
    }
}
