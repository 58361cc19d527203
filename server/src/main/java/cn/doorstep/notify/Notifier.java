package cn.doorstep.notify;

import cn.doorstep.notify.internal.OutboxMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other features call to tell a user something. The notice is written to the user's inbox and,
 * when its kind has a WeChat template, to the outbox, in the caller's transaction: it exists exactly
 * when the fact does, and sending (later, with retries) can never fail or slow the caller.
 */
@Service
public class Notifier {

    private final OutboxMapper outbox;
    private final Inbox inbox;
    private final NotifyProperties properties;
    private final ObjectMapper json;
    private final Clock clock;

    Notifier(OutboxMapper outbox, Inbox inbox, NotifyProperties properties, ObjectMapper json, Clock clock) {
        this.outbox = outbox;
        this.inbox = inbox;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Tells a user one fact: an inbox item always, and a subscribe message (queued in the outbox) when
     * the kind has a template configured; a kind without one is inbox-only.
     *
     * @param fields    the template's fields in order, e.g. {@code thing1 → 修楼道灯, time2 → 2026-12-01 10:00}
     *                  (values past WeChat's limits are shortened when sent); the inbox text is rendered
     *                  from them (InboxTexts)
     * @param page      the mini-program page it opens, e.g. {@code pages/wish/detail?id=42}
     * @param dedupeKey one notice per user and key (at most 96 characters), e.g. {@code wish-claimed:42}:
     *                  announcing twice adds one inbox item and sends once
     */
    @Transactional
    public void notify(long userId, NotificationKind kind, Map<String, String> fields, String page, String dedupeKey) {
        inbox.add(userId, kind, fields, page, dedupeKey);
        String template = properties.templates().get(kind);
        if (template != null && !template.isBlank()) {
            outbox.enqueue(userId, kind.name(), write(new LinkedHashMap<>(fields)), page, dedupeKey, clock.instant());
        }
    }

    /** The template id of each kind, for the mini-program's {@code wx.requestSubscribeMessage}. */
    public Map<NotificationKind, String> templates() {
        return properties.templates();
    }

    /** Records the kinds a user just agreed to receive (one message each). */
    @Transactional
    public void consented(long userId, List<NotificationKind> kinds) {
        kinds.forEach(kind -> outbox.addConsent(userId, kind.name(), clock.instant()));
    }

    private String write(Map<String, String> fields) {
        try {
            return json.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Template fields are always writable", e);
        }
    }
}
