package cn.doorstep.notify;

import cn.doorstep.common.Shortened;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The inbox's title and body of a notice, rendered from its kind and the same fields its subscribe
 * message carries. A kind without its own text here (one added later) reads as a generic notice
 * listing its field values, so nothing is ever lost for want of a sentence; give it one below.
 */
final class InboxTexts {

    static final int TITLE_MAX = 64;
    static final int BODY_MAX = 500;
    static final String GENERIC_TITLE = "您有一条新通知";

    private static final Pattern FIELD = Pattern.compile("\\{([a-z_]+[0-9]*)}");

    /** {@code {field}} placeholders name the notice's fields (see the callers and notify.md). */
    private static final Map<NotificationKind, Text> TEXTS = new EnumMap<>(NotificationKind.class);

    static {
        wish(NotificationKind.WISH_CLAIMED, "心愿已被认领");
        wish(NotificationKind.WISH_FULFILLED, "心愿已完成");
        wish(NotificationKind.WISH_RELEASED, "心愿回到心愿墙");
        wish(NotificationKind.WISH_REJECTED, "心愿未通过审核");
        wish(NotificationKind.WISH_DISPATCHED, "社区给您派单");
        wish(NotificationKind.WISH_CANCELLED, "心愿已取消");
        wish(NotificationKind.WISH_DISPUTED, "心愿有争议");
        TEXTS.put(NotificationKind.BOOKING_CONFIRMED, new Text("预约成功",
                "已预约「{thing1}」，时间 {time2}，预约码 {character_string3}。请按时到站，出示预约码签到。"));
        TEXTS.put(NotificationKind.BOOKING_REMINDER, new Text("预约即将开始",
                "您预约的「{thing1}」将于 {time2} 开始，预约码 {character_string3}，请按时到站。"));
        TEXTS.put(NotificationKind.WAITLIST_OFFER, new Text("候补有空位了",
                "{time2} 的「{thing1}」有空位了，为您保留到 {time3}。请在此之前确认预约，逾时将让给下一位。"));
        TEXTS.put(NotificationKind.SLOT_CLOSED, new Text("预约已取消",
                "{time2} 的「{thing1}」：{thing3}"));
        TEXTS.put(NotificationKind.REDEMPTION_READY, new Text("兑换成功，待领取",
                "「{thing1}」已为您留好，请在 {time2} 前到 {thing3} 出示兑换码领取。"));
        TEXTS.put(NotificationKind.REDEMPTION_EXPIRING, new Text("兑换即将过期",
                "「{thing1}」还未领取，{time2} 前不领取将过期，积分退回。领取地点：{thing3}。"));
        TEXTS.put(NotificationKind.RIDER_APPROVED, new Text("骑手登记已通过",
                "您在{thing1}的骑手登记已通过审核，社区通行证号 {character_string2}。"));
        TEXTS.put(NotificationKind.RIDER_REJECTED, new Text("骑手登记未通过",
                "您在{thing1}的骑手登记未通过审核：{thing2}。可修改后重新提交。"));
        TEXTS.put(NotificationKind.PARTY_CONFIRMED, new Text("双报到已确认",
                "您在{thing1}的双报到登记已确认，可以认领社区的微心愿了。"));
        TEXTS.put(NotificationKind.PARTY_REJECTED, new Text("双报到未通过",
                "您在{thing1}的双报到登记未通过：{thing2}。可修改后重新提交。"));
        TEXTS.put(NotificationKind.POINTS_EARNED, new Text("积分到账",
                "{thing2}，获得 {number1} 积分。"));
        TEXTS.put(NotificationKind.VOLUNTEER_APPROVED, new Text("志愿者申请已通过",
                "您在{thing1}的志愿者申请已通过，可以认领社区的微心愿了。"));
        TEXTS.put(NotificationKind.VOLUNTEER_REJECTED, new Text("志愿者申请未通过",
                "您在{thing1}的志愿者申请未通过：{thing3}。可修改后重新申请。"));
        TEXTS.put(NotificationKind.VOLUNTEER_REVOKED, new Text("志愿者身份已结束",
                "社区结束了您在{thing1}的志愿者身份：{thing3}。如有疑问请联系社区。"));
        TEXTS.put(NotificationKind.REPORT_PROGRESS, new Text("诉求有新进展", "「{thing1}」：{thing2}"));
        TEXTS.put(NotificationKind.REPORT_ASSIGNED, new Text("有新的诉求待办理", "「{thing1}」：{thing2}，请及时处理。"));
        TEXTS.put(NotificationKind.REPORT_ESCALATED, new Text("诉求已超时", "「{thing1}」：{thing2}"));
        TEXTS.put(NotificationKind.DELIBERATION_MEETING, new Text("议事会已安排",
                "您关注的议题「{thing1}」将于 {time2} 在{thing3}议事，欢迎报名参加。"));
        TEXTS.put(NotificationKind.DELIBERATION_TASK, new Text("您有一项议事任务",
                "议题「{thing3}」的议定事项「{thing1}」由您负责，请在 {date2} 前完成并反馈。"));
        TEXTS.put(NotificationKind.GRID_RIDER_PAIRED, new Text("您已成为流动网格员",
                "{thing1}请您担任{thing2}的流动网格员，您随手拍的隐患将直接送达该网格。"));
    }

    private InboxTexts() {
    }

    private static void wish(NotificationKind kind, String title) {
        TEXTS.put(kind, new Text(title, "「{thing1}」：{thing2}"));
        TEXTS.put(NotificationKind.GRID_RIDER_PAIRED, new Text("您已成为流动网格员",
                "{thing1}请您担任{thing2}的流动网格员，您随手拍的隐患将直接送达该网格。"));
    }

    record Text(String title, String body) {
    }

    /** The kind's text with its fields filled in; the generic text when the kind has none or a field is missing. */
    static Text render(NotificationKind kind, Map<String, String> fields) {
        return render(TEXTS.get(kind), fields);
    }

    /** @param text the kind's own text, or null for a kind without one */
    static Text render(Text text, Map<String, String> fields) {
        String body = text == null ? null : fill(text.body(), fields);
        if (body == null) {
            return new Text(text == null ? GENERIC_TITLE : Shortened.to(text.title(), TITLE_MAX), generic(fields));
        }
        return new Text(Shortened.to(text.title(), TITLE_MAX), Shortened.to(body, BODY_MAX));
    }

    private static String fill(String template, Map<String, String> fields) {
        Matcher m = FIELD.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = fields.get(m.group(1));
            if (value == null || value.isBlank()) {
                return null;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value.strip()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String generic(Map<String, String> fields) {
        String joined = fields.values().stream().filter(v -> v != null && !v.isBlank()).map(String::strip)
                .collect(Collectors.joining("；"));
        return Shortened.to(joined.isEmpty() ? GENERIC_TITLE : joined, BODY_MAX);
    }
}
