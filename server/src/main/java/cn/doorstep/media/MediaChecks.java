package cn.doorstep.media;

import cn.doorstep.common.Failures;
import cn.doorstep.media.internal.ImageStore;
import cn.doorstep.media.internal.MediaImage;
import cn.doorstep.media.internal.MediaImageMapper;
import cn.doorstep.wechat.WeChatClient.MediaCheckSubmission;
import cn.doorstep.wechat.WeChatClient;
import cn.doorstep.wechat.WeChatMediaChecked;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * WeChat's media check of every stored image (mediaCheckAsync, version 2, as the uploader): sent right
 * after the upload, outside any transaction; WeChat down or busy leaves it PENDING, and the media-check
 * job sends it again; a check without a verdict past the deadline is sent again, and after the last
 * attempt an admin decides (REVIEW). The verdict arrives on WeChat's message push
 * ({@link WeChatMediaChecked}): pass shows the image to all, risky takes its file out of what is
 * served (the folder or the bucket) and publishes {@link ImageWithdrawn}, review publishes
 * {@link ImageHeldForReview}. Every change is a conditional update on the status it was read with, so
 * redelivered callbacks, a job on two instances and a late verdict never decide one image twice.
 */
@Service
public class MediaChecks {

    private static final Logger log = LoggerFactory.getLogger(MediaChecks.class);
    private static final int BATCH = 100;

    private final MediaImageMapper images;
    private final ImageStore store;
    private final WeChatClient weChat;
    private final UploaderOpenids openids;
    private final MediaProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Failures failures;
    private final Clock clock;

    MediaChecks(MediaImageMapper images, ImageStore store, WeChatClient weChat, UploaderOpenids openids,
                MediaProperties properties, ApplicationEventPublisher events, TransactionTemplate transaction,
                Failures failures, Clock clock) {
        this.images = images;
        this.store = store;
        this.weChat = weChat;
        this.openids = openids;
        this.properties = properties;
        this.events = events;
        this.transaction = transaction;
        this.failures = failures;
        this.clock = clock;
    }

    /**
     * Sends one image to WeChat as read (its status and attempts): accepted → CHECKING with the trace id;
     * WeChat down → PENDING again (one attempt used); refused for good, or the last attempt used → REVIEW.
     * Call outside a transaction (WeChat may take seconds).
     */
    void submit(MediaImage image) {
        ImageCheck from = ImageCheck.valueOf(image.getCheckStatus());
        int attempts = image.getCheckAttempts();
        if (attempts >= properties.checkAttempts()) {
            escalate(image, from, attempts, ImageCheck.NO_VERDICT);
            return;
        }
        String url = urlOf(image.getPath());
        MediaCheckSubmission sent = weChat.checkMedia(openids.openidOf(image.getOwnerId()).orElse(null),
                properties.checkScene(), url);
        Instant now = clock.instant();
        switch (sent.outcome()) {
            case ACCEPTED -> images.submitted(image.getId(), from, attempts, ImageCheck.CHECKING, sent.traceId(), null, now);
            case UNAVAILABLE -> images.submitted(image.getId(), from, attempts, ImageCheck.PENDING, null,
                    sent.errcode() == 0 ? "UNAVAILABLE" : "BUSY_" + sent.errcode(), now);
            case REFUSED -> escalate(image, from, attempts, "REFUSED_" + sent.errcode());
        }
    }

    /**
     * One round of the media-check job: PENDING images whose last try is {@code check-retry-after} old,
     * and CHECKING ones without a verdict {@code check-deadline} after they were sent, are sent again (or
     * escalated after the last attempt). Returns how many were looked at. Safe on every instance.
     */
    public int resendDue() {
        Instant now = clock.instant();
        int seen = 0;
        for (MediaImage image : images.selectDue(ImageCheck.PENDING, now.minus(properties.checkRetryAfter()), BATCH)) {
            seen += resend(image);
        }
        for (MediaImage image : images.selectDue(ImageCheck.CHECKING, now.minus(properties.checkDeadline()), BATCH)) {
            seen += resend(image);
        }
        return seen;
    }

    private int resend(MediaImage image) {
        try {
            submit(image);
        } catch (RuntimeException e) { // this image's round only; the next round tries it again
            failures.caught(log, "media.check", "Sending image " + image.getId() + " to WeChat's media check failed", e);
        }
        return 1;
    }

    /** WeChat's verdict from the message push. Idempotent: a redelivered or stale verdict matches no row. */
    @ApplicationModuleListener
    void on(WeChatMediaChecked verdict) {
        var sent = images.selectByTrace(verdict.traceId());
        if (sent.isEmpty()) {
            // a check sent again meanwhile has a new trace id, and its own verdict decides
            log.info("WeChat media check verdict for an unknown or superseded trace id; ignored");
        }
        for (MediaImage image : sent) {
            decide(image, verdict);
        }
    }

    private void decide(MediaImage image, WeChatMediaChecked verdict) {
        Instant now = clock.instant();
        String url = urlOf(image.getPath());
        switch (verdict.verdict()) {
            case PASS -> images.decide(image.getId(), verdict.traceId(), ImageCheck.PASSED, null, now);
            case REVIEW -> {
                if (images.decide(image.getId(), verdict.traceId(), ImageCheck.REVIEW, label(verdict), now) > 0) {
                    events.publishEvent(new ImageHeldForReview(image.getId(), url, image.getOwnerId(), label(verdict)));
                }
            }
            case RISKY -> {
                if (images.decide(image.getId(), verdict.traceId(), ImageCheck.WITHDRAWN, label(verdict), now) > 0) {
                    store.withdraw(image.getPath()); // a failure rolls the decision back; the event is delivered again
                    events.publishEvent(new ImageWithdrawn(image.getId(), url, image.getOwnerId(), label(verdict)));
                }
            }
            case UNAVAILABLE -> images.backToPending(image.getId(), verdict.traceId(), "CALLBACK_ERROR", now);
        }
    }

    private void escalate(MediaImage image, ImageCheck from, int attempts, String label) {
        transaction.executeWithoutResult(tx -> {
            if (images.escalate(image.getId(), from, attempts, label, clock.instant()) > 0) {
                log.warn("Image {} needs an admin: WeChat's media check gave no verdict ({})", image.getId(), label);
                events.publishEvent(new ImageHeldForReview(image.getId(), urlOf(image.getPath()), image.getOwnerId(),
                        label));
            }
        });
    }

    private String urlOf(String path) {
        return properties.baseUrl() + "/" + path;
    }

    private static String label(WeChatMediaChecked verdict) {
        String label = verdict.label();
        return label == null || label.isBlank() ? verdict.verdict().name()
                : label.length() > 32 ? label.substring(0, 32) : label;
    }
}
