package cn.doorstep.points.internal;

import cn.doorstep.common.Zones;
import cn.doorstep.points.PointsChanged;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The bookkeeping under every change of points, always inside the caller's transaction and always
 * in the same order: lock the account row, expire what is due, move the balance with a guarded
 * update, take or add lots, append the ledger entry. The account lock serialises a user's changes;
 * the ledger's unique key makes each one happen once.
 */
@Component
public class PointsBook {

    private final PointsAccountMapper accounts;
    private final LedgerMapper ledger;
    private final LotMapper lots;
    private final AccountOpener opener;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PointsBook(PointsAccountMapper accounts, LedgerMapper ledger, LotMapper lots, AccountOpener opener,
               ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.accounts = accounts;
        this.ledger = ledger;
        this.lots = lots;
        this.opener = opener;
        this.clock = clock;
    }

    /** What one entry records besides its amount. */
    public record Entry(long userId, String reason, String refType, String refId, Long communityId, Long operatorId,
                        BigDecimal hours, String memo) {
    }

    /**
     * The account, opened on first use, locked until the transaction ends; due lots are expired first.
     * Every read after this in the transaction that decides something is a locking (current) read:
     * under REPEATABLE READ a plain one could answer from a snapshot taken before the lock.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public PointsAccount lock(long userId) {
        requireReadCommitted();
        if (accounts.selectById(userId) == null) {
            opener.open(userId);
        }
        if (accounts.lock(userId) == null) {
            throw new IllegalStateException("The points account of user " + userId + " did not open");
        }
        expireDue(userId);
        return accounts.lock(userId);
    }

    /** Adds earned (or adjusted) points as a new lot valid until {@code validUntil}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public LedgerEntry credit(Entry entry, long points, boolean earned, Instant validUntil) {
        if (accounts.add(entry.userId(), points, earned ? points : 0, clock.instant()) != 1) {
            throw new IllegalStateException("The account of user " + entry.userId() + " is not open");
        }
        LedgerEntry saved = append(entry, points);
        addLot(entry.userId(), saved.getId(), points, validUntil);
        return saved;
    }

    /**
     * Takes points, oldest lots first. Returns null, changing nothing, when the balance is too low:
     * the guarded update refuses whatever the callers race.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public LedgerEntry debit(Entry entry, long points) {
        if (accounts.spend(entry.userId(), points, clock.instant()) == 0) {
            return null;
        }
        LedgerEntry saved = append(entry, -points);
        takeFromLots(entry.userId(), saved.getId(), points);
        return saved;
    }

    /** A negative adjustment: out of the balance (guarded), oldest lots first, not counted as spent. */
    @Transactional(propagation = Propagation.MANDATORY)
    public LedgerEntry deduct(Entry entry, long points) {
        if (accounts.add(entry.userId(), -points, 0, clock.instant()) == 0) {
            return null;
        }
        LedgerEntry saved = append(entry, -points);
        takeFromLots(entry.userId(), saved.getId(), points);
        return saved;
    }

    /**
     * Gives a spend back as a new lot, valid no longer than the earliest lot the spend took from; if
     * that moment has passed, the points are given back and expire at once (two entries).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public LedgerEntry refund(Entry entry, LedgerEntry spend) {
        long points = -spend.getDelta();
        accounts.refund(entry.userId(), points, clock.instant());
        LedgerEntry saved = append(entry, points);
        Instant validUntil = lots.selectEarliestExpiryOfSpend(spend.getId());
        addLot(entry.userId(), saved.getId(), points, validUntil == null ? clock.instant() : validUntil);
        expireDue(entry.userId());
        return saved;
    }

    /**
     * Expires every lot of the user past its validity, each exactly once (the account must be locked). The expiry
     * entry names the community of the entry that made the lot (where the points were earned, adjusted or refunded).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int expireDue(long userId) {
        Instant now = clock.instant();
        int count = 0;
        for (PointsLot lot : lots.selectDue(userId, now)) {
            long points = lot.getRemaining();
            if (lots.take(lot.getId(), points, points) == 1 && accounts.expire(userId, points, now) == 1) {
                LedgerEntry source = ledger.selectById(lot.getLedgerId());
                append(new Entry(userId, "EXPIRE", "lot", String.valueOf(lot.getId()),
                        source == null ? null : source.getCommunityId(), null, null, null), -points);
                count++;
            }
        }
        return count;
    }

    /** The entry of a reference, if any (a plain read: ask again with {@link #findLocked} under the lock). */
    public LedgerEntry find(long userId, String reason, String refType, String refId) {
        return ledger.selectByRef(userId, reason, refType, refId);
    }

    /** The entry of a reference as committed now, for the check under the account lock. */
    @Transactional(propagation = Propagation.MANDATORY)
    public LedgerEntry findLocked(long userId, String reason, String refType, String refId) {
        return ledger.selectByRefForUpdate(userId, reason, refType, refId);
    }

    /** The end of the validity of points earned now: {@code months} later, at the end of that China day. */
    public Instant validUntil(int months) {
        return clock.instant().atZone(Zones.CHINA).toLocalDate().plusMonths(months).plusDays(1)
                .atStartOfDay(Zones.CHINA).toInstant();
    }

    /**
     * Every change of points runs READ COMMITTED ({@link cn.doorstep.common.Transactions}): under
     * REPEATABLE READ the locking reads below that find nothing (a new user's due lots, a reference not
     * yet in the ledger) take gap locks, and two new users' inserts into those gaps deadlock. A path that
     * forgets is a bug found by the first test that takes it, not by a burst in production.
     */
    private static void requireReadCommitted() {
        Integer isolation = TransactionSynchronizationManager.getCurrentTransactionIsolationLevel();
        if (isolation == null || isolation != TransactionDefinition.ISOLATION_READ_COMMITTED) {
            throw new IllegalStateException("Points change outside a READ COMMITTED transaction (use Transactions)");
        }
    }

    private void takeFromLots(long userId, long ledgerId, long points) {
        long left = points;
        List<PointsLot> spendable = lots.selectSpendable(userId, clock.instant());
        for (PointsLot lot : spendable) {
            if (left == 0) {
                break;
            }
            long take = Math.min(left, lot.getRemaining());
            if (lots.take(lot.getId(), lot.getRemaining(), take) != 1) {
                throw new IllegalStateException("Lot " + lot.getId() + " changed under a locked account");
            }
            lots.recordUse(ledgerId, lot.getId(), take);
            left -= take;
        }
        if (left > 0) {
            // the balance said yes but the lots disagree: roll back rather than book what is not there
            throw new IllegalStateException("User " + userId + "'s lots hold less than the balance");
        }
    }

    private LedgerEntry append(Entry entry, long delta) {
        var row = new LedgerEntry();
        row.setUserId(entry.userId());
        row.setDelta(delta);
        row.setBalanceAfter(accounts.lock(entry.userId()).getBalance());
        row.setReason(entry.reason());
        row.setRefType(entry.refType());
        row.setRefId(entry.refId());
        row.setCommunityId(entry.communityId());
        row.setOperatorId(entry.operatorId());
        row.setHours(entry.hours());
        row.setMemo(entry.memo());
        row.setCreatedAt(clock.instant());
        ledger.insert(row);
        if (row.getCommunityId() != null) {
            events.publishEvent(new PointsChanged(row.getCommunityId(), LocalDate.ofInstant(row.getCreatedAt(), Zones.CHINA)));
        }
        return row;
    }

    private void addLot(long userId, long ledgerId, long points, Instant validUntil) {
        var lot = new PointsLot();
        lot.setUserId(userId);
        lot.setLedgerId(ledgerId);
        lot.setAmount(points);
        lot.setRemaining(points);
        lot.setExpiresAt(validUntil);
        lots.insert(lot);
    }

}
