package cn.doorstep.report.open311;

import cn.doorstep.report.ReportCategory;
import cn.doorstep.report.internal.ReportBook;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** GET services.json: one Open311 service per report category, its code the category's name. */
final class Open311Services {

    private record Words(String description, String keywords, String group) {
    }

    private static final Map<ReportCategory, Words> WORDS = new EnumMap<>(Map.of(
            ReportCategory.LIGHTING, new Words("路灯不亮、损坏或白天常亮", "路灯,照明,streetlight", "市政设施"),
            ReportCategory.ROADS, new Words("路面坑洼、破损、井盖缺失", "道路,坑洼,井盖,pothole", "市政设施"),
            ReportCategory.SANITATION, new Words("垃圾堆放、清运不及时、环境脏乱", "垃圾,卫生,清运,garbage", "环境"),
            ReportCategory.FIRE_LANES, new Words("消防通道被占用或堵塞", "消防通道,占道,停车,fire lane", "公共安全"),
            ReportCategory.HEATING, new Words("供暖不热、停暖、管道漏水", "供暖,暖气,heating", "民生保障"),
            ReportCategory.WATER, new Words("停水、水压低、管道破裂", "供水,停水,漏水,water", "民生保障"),
            ReportCategory.PROPERTY, new Words("物业服务、公共设施维修", "物业,维修,电梯,property", "物业"),
            ReportCategory.NOISE, new Words("施工、商铺或夜间噪音扰民", "噪音,扰民,noise", "环境"),
            ReportCategory.SAFETY, new Words("治安隐患、设施安全隐患", "治安,隐患,安全,safety", "公共安全"),
            ReportCategory.OTHER, new Words("其他社区问题", "其他,other", "其他")));

    static final List<Open311.Service> ALL = Arrays.stream(ReportCategory.values())
            .map(c -> new Open311.Service(c.name(), ReportBook.label(c), WORDS.get(c).description(), false, "realtime",
                    WORDS.get(c).keywords(), WORDS.get(c).group()))
            .toList();

    private Open311Services() {
    }
}
