package cn.doorstep.notify;

import java.util.List;

/**
 * A page of the inbox, newest first: the paged list's {@code items, total, page, size} and the
 * number of unread items in the whole inbox (the badge).
 */
public record InboxPage(List<InboxItemView> items, long total, int page, int size, long unread) {
}
