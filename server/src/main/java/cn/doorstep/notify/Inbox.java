package cn.doorstep.notify;

import cn.doorstep.common.ApiException;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.Transactions;
import cn.doorstep.common.VersionedCopies;
import cn.doorstep.notify.internal.InboxItem;
import cn.doorstep.notify.internal.InboxMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The in-app inbox. Items are written by {@link Notifier} in the transaction of the fact they
 * announce; each user's {@code inbox_counter} row holds the total and unread counts, changed in the
 * same transactions by exactly the rows changed, so the app start reads its badge by primary key
 * and its first page from one range of {@code idx_inbox_user}, however long the inbox.
 * <p>
 * The counter rows a notifying transaction adds to are locked in its last moment (before commit),
 * in user-id order: a transaction that notifies several users (a disputed wish: poster, claimer,
 * admins) can therefore never deadlock with another over them, and holds them only for its commit.
 */
@Service
public class Inbox {

    private final InboxMapper items;
    private final InboxFirstPages firstPages;
    private final Transactions transactions;
    private final ObjectMapper json;
    private final Clock clock;

    Inbox(InboxMapper items, InboxFirstPages firstPages, Transactions transactions, ObjectMapper json, Clock clock) {
        this.items = items;
        this.firstPages = firstPages;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    /** Adds a notice in the caller's transaction (Notifier's); its counter follows just before commit. */
    void add(long userId, NotificationKind kind, Map<String, String> fields, String page, String dedupeKey) {
        InboxTexts.Text text = InboxTexts.render(kind, fields);
        if (items.add(userId, kind.name(), text.title(), text.body(), page, dedupeKey, clock.instant()) == 1) {
            pendingCounts().add(userId);
        }
    }

    /**
     * A page, newest first, with the counts: two autocommit reads, each one index lookup, and no
     * transaction around them (read on every app start, so without a read-only transaction's extra
     * round trips). A notice committed between the two reads shows up in one and not yet the other;
     * the next read agrees.
     */
    public InboxPage page(long userId, PageQuery page) {
        Map<String, Long> counter = items.selectCounter(userId);
        long total = counter == null ? 0 : counter.get("total");
        long unread = counter == null ? 0 : counter.get("unread");
        var found = total == 0 ? java.util.List.<InboxItem>of() : items.selectPage(userId, page.offset(), page.size());
        return new InboxPage(found.stream().map(Inbox::view).toList(), total, page.page(), page.size(), unread);
    }

    /**
     * A page as the JSON it is written as: the first page of 20 (every app start's) from its copy in Redis
     * when there is one, else from MySQL, kept for the next start.
     */
    public InboxPageJson pageJson(long userId, PageQuery page) {
        if (page.page() != 1 || page.size() != InboxFirstPages.SIZE) {
            return new InboxPageJson(write(page(userId, page)));
        }
        VersionedCopies.Copy copy = firstPages.read(userId);
        if (copy.value() != null) {
            return new InboxPageJson(copy.value());
        }
        String loaded = write(page(userId, page));
        firstPages.keep(userId, copy.version(), loaded);
        return new InboxPageJson(loaded);
    }

    /** Marks one of the user's items read (again: no change); another user's item is 404. */
    public InboxItemView read(long userId, long id) {
        InboxItemView read = transactions.readCommitted(() -> {
            if (items.markRead(userId, id, clock.instant()) == 1) {
                items.countRead(userId, 1);
            }
            InboxItem item = items.selectOwn(userId, id);
            if (item == null) {
                throw new ApiException(NotifyError.INBOX_ITEM_NOT_FOUND);
            }
            return view(item);
        });
        firstPages.forget(userId);
        return read;
    }

    /** What read-all did: how many items it read, and the unread count after it. */
    public record ReadAll(int read, long unread) {
    }

    /** Marks every unread item of the user read. */
    public ReadAll readAll(long userId) {
        ReadAll done = transactions.readCommitted(() -> {
            Instant now = clock.instant();
            int read = items.markAllRead(userId, now);
            if (read > 0) {
                items.countRead(userId, read);
            }
            Map<String, Long> counter = items.selectCounter(userId);
            return new ReadAll(read, counter == null ? 0 : counter.get("unread"));
        });
        firstPages.forget(userId);
        return done;
    }

    private String write(InboxPage page) {
        try {
            return json.writeValueAsString(page);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An inbox page is always writable", e);
        }
    }

    private static InboxItemView view(InboxItem i) {
        return new InboxItemView(i.getId(), NotificationKind.valueOf(i.getKind()), i.getTitle(), i.getBody(),
                i.getPage(), i.getReadAt() != null, i.getCreatedAt(), i.getReadAt());
    }

    /** This transaction's new items per user, counted in one statement each just before it commits. */
    private PendingCounts pendingCounts() {
        PendingCounts pending = (PendingCounts) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new PendingCounts();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        return pending;
    }

    private final class PendingCounts implements TransactionSynchronization {

        private final TreeMap<Long, Integer> added = new TreeMap<>(); // user-id order: the lock order

        void add(long userId) {
            added.merge(userId, 1, Integer::sum);
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            added.forEach(items::countAdded);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(Inbox.this);
            if (status == STATUS_COMMITTED) {
                added.keySet().forEach(firstPages::forget);
            }
        }
    }
}
