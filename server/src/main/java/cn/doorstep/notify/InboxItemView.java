package cn.doorstep.notify;

import java.time.Instant;

/**
 * One notice as the inbox shows it.
 *
 * @param page   the mini-program page it opens (may be null)
 * @param readAt when the user read it; null while unread
 */
public record InboxItemView(long id, NotificationKind kind, String title, String body, String page, boolean read,
                            Instant createdAt, Instant readAt) {
}
