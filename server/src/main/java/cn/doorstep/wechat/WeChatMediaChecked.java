package cn.doorstep.wechat;

import cn.doorstep.wechat.WeChatClient.Verdict;

/**
 * WeChat's verdict on an image sent to its media check ({@link WeChatClient#checkMedia}), as its message
 * push delivered it ({@code wxa_media_check}, signature verified). Published in the transaction that
 * received it, so a crash before the image's owner acts on it loses nothing.
 *
 * @param traceId the trace id {@code media_check_async} answered with
 * @param verdict PASS, REVIEW or RISKY; UNAVAILABLE when WeChat reports it could not check (an errcode, e.g.
 *                the image could not be fetched) and another check is needed
 * @param label   WeChat's label (e.g. 20002) for what it found; null for pass or none
 */
public record WeChatMediaChecked(String traceId, Verdict verdict, String label) {
}
