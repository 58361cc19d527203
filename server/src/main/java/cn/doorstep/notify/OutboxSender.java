package cn.doorstep.notify;

import cn.doorstep.common.Jobs;
import cn.doorstep.common.Transactions;
import cn.doorstep.notify.internal.OutboxMapper;
import cn.doorstep.notify.internal.OutboxRow;
import cn.doorstep.user.UserService;
import cn.doorstep.wechat.WeChatClient.SendResult;
import cn.doorstep.wechat.WeChatClient;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds. Each run claims a batch (a conditional update with its own token, so
 * instances never send one message twice at once), uses one of the user's consents, and calls
 * WeChat outside any transaction. WeChat down: the consent is given back and the message retried
 * with growing delays; no consent, no template, or a refusal that retrying cannot fix: SKIPPED or
 * FAILED, never retried.
 */
@Component
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final Duration LEASE = Duration.ofMinutes(1);
    private static final Duration MAX_DELAY = Duration.ofHours(1);

    private final OutboxMapper outbox;
    private final NotifyProperties properties;
    private final UserService users;
    private final WeChatClient weChat;
    private final ObjectMapper json;
    private final Jobs jobs;
    private final Transactions transactions;
    private final Clock clock;

    OutboxSender(OutboxMapper outbox, NotifyProperties properties, UserService users, WeChatClient weChat,
                 ObjectMapper json, Jobs jobs, Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.outbox = outbox;
        this.properties = properties;
        this.users = users;
        this.weChat = weChat;
        this.json = json;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${doorstep.notify.send-every:PT5S}", fixedDelayString = "${doorstep.notify.send-every:PT5S}")
    @SchedulerLock(name = "notify.outbox", lockAtMostFor = "PT2M")
    void scheduled() {
        jobs.run(log, "notify.outbox", this::sendDue);
    }

    /** One run: claims and sends the due messages; returns how many it handled. */
    int sendDue() {
        String claim = UUID.randomUUID().toString();
        Instant now = clock.instant();
        // READ COMMITTED, and a deadlock's loser tries again: two runs claiming at once (a job lock that
        // lapsed, or an instance's first run) lock ranges of idx_notify_due that their own update moves rows
        // across, and under REPEATABLE READ's next-key locks one of them was chosen as a deadlock victim
        int claimedRows = transactions.readCommitted(() -> outbox.claim(claim, now, now.plus(LEASE), properties.batch()));
        if (claimedRows == 0) {
            return 0;
        }
        var claimed = outbox.selectClaimed(claim);
        claimed.forEach(row -> send(row, claim));
        return claimed.size();
    }

    private void send(OutboxRow row, String claim) {
        NotificationKind kind = NotificationKind.valueOf(row.getKind());
        String template = properties.templates().get(kind);
        if (template == null || template.isBlank()) {
            finish(row, claim, "SKIPPED", "no-template");
            return;
        }
        if (outbox.useConsent(row.getUserId(), row.getKind(), clock.instant()) == 0) {
            finish(row, claim, "SKIPPED", "no-consent");
            return;
        }
        String openid = users.openidOf(row.getUserId()).orElse(null);
        if (openid == null) {
            finish(row, claim, "FAILED", "no-user");
            return;
        }
        SendResult result = weChat.sendSubscribeMessage(openid, template, row.getPage(), fields(row), properties.state());
        switch (result.outcome()) {
            case SENT -> finish(row, claim, "SENT", null);
            case REFUSED -> finish(row, claim, "SKIPPED", "refused-" + result.errcode());
            case REJECTED -> finish(row, claim, "FAILED", "rejected-" + result.errcode());
            case UNAVAILABLE -> {
                outbox.returnConsent(row.getUserId(), row.getKind()); // not delivered: the retry needs it
                retry(row, claim, result.errcode() == 0 ? "unavailable" : "errcode-" + result.errcode());
            }
        }
    }

    private void retry(OutboxRow row, String claim, String error) {
        int attempts = row.getAttempts() + 1;
        if (attempts >= properties.maxAttempts()) {
            finish(row, claim, "FAILED", error);
            return;
        }
        long delay = Math.min(MAX_DELAY.toSeconds(), 30L << Math.min(attempts - 1, 20)); // 30 s, 1 min, 2 min, …
        record(row, claim, "PENDING", error, clock.instant().plusSeconds(delay), null);
    }

    private void finish(OutboxRow row, String claim, String status, String error) {
        Instant now = clock.instant();
        record(row, claim, status, error, now, "SENT".equals(status) ? now : null);
    }

    /**
     * How a send ended, written as the claim is: READ COMMITTED with the deadlock loser trying again. The
     * update moves the row in idx_notify_due (status, next attempt) while another run's claim walks that
     * index towards the same row from the other side: InnoDB picks one of them as a deadlock victim
     * (seen on the machine's MariaDB with eight senders racing). Trying again is safe: the update only
     * matches while this run still holds the claim.
     */
    private void record(OutboxRow row, String claim, String status, String error, Instant next, Instant sentAt) {
        transactions.readCommitted(() -> outbox.finish(row.getId(), claim, status, error, next, sentAt));
    }

    private LinkedHashMap<String, String> fields(OutboxRow row) {
        try {
            return json.readValue(row.getData(), new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Outbox data is written by Notifier as JSON", e);
        }
    }
}
