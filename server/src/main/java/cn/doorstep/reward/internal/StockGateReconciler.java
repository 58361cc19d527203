package cn.doorstep.reward.internal;

import cn.doorstep.common.Jobs;
import cn.doorstep.common.Reconciliation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Brings the stock gates back in line with MySQL. A count drifts when a give-back after a commit was
 * lost: then it says SOLD_OUT while MySQL has stock (a count too high only lets requests through to
 * MySQL's guard, which refuses them and makes the gate reload). Every half minute, on one instance,
 * each loaded count is compared with MySQL's stock; a reservation on its way to MySQL also makes them
 * differ for a few milliseconds, so a count is corrected only if it still differs after a short grace:
 * it is forgotten, to be reloaded from MySQL by the next request. MySQL's guarded update decides
 * every unit meanwhile, so nothing is oversold.
 */
@Component
public class StockGateReconciler {

    private static final Logger log = LoggerFactory.getLogger(StockGateReconciler.class);

    private final StockGate gate;
    private final RewardMapper rewards;
    private final StringRedisTemplate redis;
    private final Jobs jobs;
    private final Duration grace;
    private final Counter corrected;

    StockGateReconciler(StockGate gate, RewardMapper rewards, StringRedisTemplate redis, Jobs jobs, MeterRegistry meters,
                        @Value("${doorstep.reward.reconcile-grace:2s}") Duration grace) {
        this.gate = gate;
        this.rewards = rewards;
        this.redis = redis;
        this.jobs = jobs;
        this.grace = grace;
        this.corrected = Counter.builder("doorstep.gates.corrected").tag("gate", "stock")
                .description("Stock gates found out of line with MySQL and reloaded").register(meters);
    }

    @Scheduled(initialDelayString = "${doorstep.reward.reconcile-every:PT30S}",
            fixedDelayString = "${doorstep.reward.reconcile-every:PT30S}")
    @SchedulerLock(name = "reward.gate-reconcile", lockAtMostFor = "PT5M", lockAtLeastFor = "PT10S")
    void scheduled() {
        jobs.run(log, "reward.gate-reconcile", this::reconcile);
    }

    /** One pass over the loaded counts; returns how many were corrected. */
    public int reconcile() {
        Set<String> loaded = redis.opsForSet().members(StockGate.LOADED);
        List<Long> ids = loaded == null ? List.of() : loaded.stream().map(Long::valueOf).toList();
        return Reconciliation.correctLasting(ids, this::differs, grace, rewardId -> {
            gate.forget(rewardId);
            corrected.increment();
            log.info("Stock gate of reward {} differed from MySQL; forgotten, to be reloaded", rewardId);
        });
    }

    /** Whether the count differs from MySQL's stock; a count gone (expired, forgotten) leaves the list. */
    private boolean differs(long rewardId) {
        Long counted = gate.peek(rewardId);
        Integer stock = counted == null ? null : rewards.selectStock(rewardId);
        if (stock == null) {
            redis.opsForSet().remove(StockGate.LOADED, Long.toString(rewardId));
            return false;
        }
        return !Objects.equals(counted, stock.longValue());
    }
}
