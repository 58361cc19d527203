package cn.doorstep.points;

import cn.doorstep.common.Jobs;
import cn.doorstep.common.Transactions;
import cn.doorstep.points.internal.LotMapper;
import cn.doorstep.points.internal.PointsBook;
import java.time.Clock;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Writes the expiry entries of lots past their validity. Safe with any number of instances: each
 * lot is taken by a conditional update under its account's row lock, so it expires exactly once; the
 * job's lock only keeps the instances from doing the same work at once.
 * A user's own reads and spends expire their due points first, so none ever counts late.
 */
@Component
class PointsExpiry {

    private static final Logger log = LoggerFactory.getLogger(PointsExpiry.class);
    private static final int USERS_PER_PASS = 500;

    private final LotMapper lots;
    private final PointsBook book;
    private final Transactions transactions;
    private final Jobs jobs;
    private final Clock clock;

    PointsExpiry(LotMapper lots, PointsBook book, Transactions transactions, Jobs jobs,
                 Clock clock) {
        this.lots = lots;
        this.book = book;
        this.transactions = transactions;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${doorstep.points.expiry-every:PT10M}",
            fixedDelayString = "${doorstep.points.expiry-every:PT10M}")
    @SchedulerLock(name = "points.expiry", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
    void scheduled() {
        jobs.run(log, "points.expiry", this::expireDue);
    }

    /** Expires every due lot; returns how many. */
    int expireDue() {
        int expired = 0;
        List<Long> users;
        while (!(users = lots.selectUsersWithDueLots(clock.instant(), USERS_PER_PASS)).isEmpty()) {
            for (long userId : users) {
                Integer n = transactions.readCommitted(() -> {
                    book.lock(userId); // expires the user's due lots
                    return 1;
                });
                expired += n == null ? 0 : n;
            }
        }
        return expired;
    }
}
