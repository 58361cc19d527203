package cn.doorstep.notify;

import cn.doorstep.common.Failures;
import cn.doorstep.common.VersionedCopies;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The first page of each user's inbox (page 1 of 20: what every app start reads), kept in Redis as the
 * JSON it is written as, so the app start costs one Redis read instead of two MySQL reads and the
 * serialising of 20 items ({@code bench/README.md}, "The inbox"). MySQL stays the record: the page is a
 * {@link VersionedCopies} copy ({@code inbox:{id}:first}, its version {@code inbox:{id}:ver}), dropped after
 * any committed change to the user's inbox, so a slow reader cannot put back a page older than the change.
 */
@Component
class InboxFirstPages {

    static final int SIZE = 20;
    private static final Logger log = LoggerFactory.getLogger(InboxFirstPages.class);
    /** Bounds how long a copy outlives a change whose drop was lost to a Redis failure. */
    private static final Duration TTL = Duration.ofMinutes(5);

    private final VersionedCopies copies;
    private final Failures failures;

    InboxFirstPages(VersionedCopies copies, Failures failures) {
        this.copies = copies;
        this.failures = failures;
    }

    /** The copy (null when there is none) and the version seen with it: read together, one round trip. */
    VersionedCopies.Copy read(long userId) {
        return copies.read(copyKey(userId), versionKey(userId));
    }

    /** Keeps a page loaded after {@link #read} saw {@code version}, unless the inbox changed since. */
    void keep(long userId, String version, String json) {
        failures.tolerated(log, "inbox.first-page", "The first inbox page of user " + userId + " was not kept",
                () -> copies.keep(copyKey(userId), versionKey(userId), version, json, TTL));
    }

    /** After a change to the user's inbox is over: the copy goes, and no reader that saw the old version keeps one. */
    void forget(long userId) {
        failures.tolerated(log, "inbox.first-page", "The first inbox page of user " + userId + " was not dropped "
                        + "(it lapses within " + TTL.toMinutes() + " minutes)",
                () -> copies.forget(copyKey(userId), versionKey(userId)));
    }

    /** One hash tag per user: the copy and its version sit on one Redis Cluster node, as the scripts need. */
    private static String copyKey(long userId) {
        return "inbox:{" + userId + "}:first";
    }

    private static String versionKey(long userId) {
        return "inbox:{" + userId + "}:ver";
    }
}
