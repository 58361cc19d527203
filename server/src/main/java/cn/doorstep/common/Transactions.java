package cn.doorstep.common;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way to run a transaction whose decisions are locking reads and guarded updates (bookings,
 * redemptions, claims, every change of points). Two rules, in one place (DESIGN §4):
 * <ul>
 * <li><b>READ COMMITTED.</b> After waiting for a row lock, a statement sees what is committed, so a
 * limit counted under the lock holds. And InnoDB takes no gap locks for a locking read that finds
 * nothing: under REPEATABLE READ the first award of two brand-new users each locked the gap of the
 * ledger's unique key where the other's row was going, and both inserts then waited for each other.</li>
 * <li><b>A deadlock's loser runs again.</b> InnoDB still picks a victim when two transactions lock rows
 * in opposite orders (or meet on a unique-key check); the victim's work is rolled back whole, so it is
 * safe to run it again, a bounded number of times, after a short random pause.</li>
 * </ul>
 * Joined to a caller's transaction, the work runs inside it, at its isolation, and is not retried
 * here: only the outermost transaction can be run again. The work must do nothing outside the
 * transaction that a second run would repeat (a Redis reservation belongs before it, a Redis
 * follow-up in {@link AfterCommit}, which a rolled-back attempt never runs).
 */
@Component
public class Transactions {

    /** MySQL's SQLSTATE for a transaction rolled back as a deadlock's victim (error 1213). */
    private static final String DEADLOCK_STATE = "40001";
    private static final int DEADLOCK_ERROR = 1213;
    static final int ATTEMPTS = 5;

    private static final Logger log = LoggerFactory.getLogger(Transactions.class);

    private final TransactionTemplate readCommitted;
    private final Counter retried;
    private final Counter gaveUp;

    Transactions(PlatformTransactionManager transactions, MeterRegistry meters) {
        this.readCommitted = new TransactionTemplate(transactions);
        this.readCommitted.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.retried = Counter.builder("doorstep.transactions.deadlocks").tag("outcome", "retried")
                .description("Transactions chosen as a deadlock's victim and run again").register(meters);
        this.gaveUp = Counter.builder("doorstep.transactions.deadlocks").tag("outcome", "gave_up")
                .description("Transactions still a deadlock's victim after every attempt").register(meters);
    }

    /** Runs {@code work} in a READ COMMITTED transaction (or the caller's), again if it lost a deadlock. */
    public <T> T readCommitted(Supplier<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return readCommitted.execute(status -> work.get());
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return readCommitted.execute(status -> work.get());
            } catch (RuntimeException failed) {
                if (!isDeadlock(failed)) {
                    throw failed;
                }
                if (attempt == ATTEMPTS) {
                    gaveUp.increment();
                    throw failed;
                }
                retried.increment();
                log.debug("Deadlock victim, running the transaction again (attempt {} of {})", attempt + 1, ATTEMPTS);
                pause(attempt);
            }
        }
    }

    /** {@link #readCommitted(Supplier)} for work without a result. */
    public void readCommitted(Runnable work) {
        readCommitted(() -> {
            work.run();
            return null;
        });
    }

    /** True when the database rolled the transaction back as a deadlock's victim. */
    static boolean isDeadlock(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql
                    && (sql.getErrorCode() == DEADLOCK_ERROR || DEADLOCK_STATE.equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** A few milliseconds, more after each attempt, at random so the two victims do not meet again. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying a deadlocked transaction", e);
        }
    }
}
