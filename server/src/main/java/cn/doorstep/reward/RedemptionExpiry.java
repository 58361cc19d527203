package cn.doorstep.reward;

import cn.doorstep.common.Jobs;
import cn.doorstep.common.Transactions;
import cn.doorstep.reward.internal.Redemption;
import cn.doorstep.reward.internal.RedemptionMapper;
import cn.doorstep.reward.internal.Reward;
import cn.doorstep.reward.internal.RewardMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Redemptions about to expire uncollected are reminded of once ({@code remind-before} ahead); those
 * not collected by their deadline expire, and their points and stock come back. Correct
 * with any number of instances or overlapping runs: each expiry is a conditional update out of
 * PENDING that re-checks the deadline, and only the run that moved the row refunds. The job's lock
 * only spares instances doing the same work at once.
 */
@Component
public class RedemptionExpiry {

    private static final Logger log = LoggerFactory.getLogger(RedemptionExpiry.class);
    private static final int BATCH = 200;
    private static final int MAX_BATCHES = 50;

    private final RedemptionMapper redemptions;
    private final Redemptions service;
    private final RewardMapper rewards;
    private final RedemptionNotices notices;
    private final RewardProperties properties;
    private final Transactions transactions;
    private final Jobs jobs;
    private final Clock clock;

    RedemptionExpiry(RedemptionMapper redemptions, Redemptions service, RewardMapper rewards, RedemptionNotices notices,
                     RewardProperties properties, Transactions transactions, Jobs jobs, Clock clock) {
        this.redemptions = redemptions;
        this.service = service;
        this.rewards = rewards;
        this.notices = notices;
        this.properties = properties;
        this.transactions = transactions;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${doorstep.reward.jobs-every:PT5M}",
            fixedDelayString = "${doorstep.reward.jobs-every:PT5M}")
    @SchedulerLock(name = "reward.expiry", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
    void scheduled() {
        jobs.run(log, "reward.remind", this::remindDue);
        jobs.run(log, "reward.expiry", this::expireDue);
    }

    /**
     * Reminds the holders of redemptions whose deadline is within {@code remind-before}, once each (the
     * conditional update on {@code reminded_at} decides, however many runs overlap); returns how many.
     */
    public int remindDue() {
        int reminded = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            Instant now = clock.instant();
            List<Long> due = redemptions.selectToRemind(now, now.plus(properties.remindBefore()), BATCH);
            int before = reminded;
            for (long id : due) {
                Boolean done = transactions.readCommitted(() -> {
                    if (redemptions.markReminded(id, now) == 0) {
                        return false; // collected, cancelled, past its deadline or reminded meanwhile
                    }
                    Redemption r = redemptions.selectById(id);
                    Reward reward = rewards.selectById(r.getRewardId());
                    notices.expiring(r, reward == null ? "兑换的物品" : reward.getName());
                    return true;
                });
                reminded += Boolean.TRUE.equals(done) ? 1 : 0;
            }
            if (due.size() < BATCH || reminded == before) {
                break; // the rest are past their deadline (the expiry's) or taken by another run
            }
        }
        return reminded;
    }

    /** Expires every redemption past its deadline; returns how many this call expired. */
    public int expireDue() {
        int expired = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            Instant now = clock.instant();
            List<Long> due = redemptions.selectDue(now, BATCH);
            if (due.isEmpty()) {
                break;
            }
            for (long id : due) {
                Boolean moved = transactions.readCommitted(() -> {
                    if (redemptions.expire(id, now) == 0) {
                        return false; // collected, cancelled or expired by another run meanwhile
                    }
                    Redemption r = redemptions.selectById(id);
                    service.giveBackAll(r, null);
                    return true;
                });
                expired += Boolean.TRUE.equals(moved) ? 1 : 0;
            }
        }
        return expired;
    }
}
