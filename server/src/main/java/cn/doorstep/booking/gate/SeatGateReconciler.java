package cn.doorstep.booking.gate;

import cn.doorstep.common.Jobs;
import cn.doorstep.common.Reconciliation;
import cn.doorstep.schedule.Slot;
import cn.doorstep.schedule.SlotCatalog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
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
 * Brings the seat gates back in line with MySQL. A gate drifts when a Redis step after a commit was
 * lost (Redis down for a moment, an instance killed between commit and Redis): a phantom holder makes
 * it answer FULL while MySQL has a seat, a missing one lets an extra request through to MySQL's guard.
 * Every half minute, on one instance, each loaded gate of a slot not yet over is compared with MySQL
 * (capacity or closed; active bookings and held offers). A difference can also be a reservation on its
 * way to MySQL, which settles in milliseconds: so a gate is corrected only if it still differs after a
 * short grace, and then it is forgotten, to be reloaded from MySQL by the next request (the reload
 * that checks the slot's version). MySQL's guards decide every seat meanwhile, so nothing is oversold.
 */
@Component
public class SeatGateReconciler {

    private static final Logger log = LoggerFactory.getLogger(SeatGateReconciler.class);

    private final SeatGate gate;
    private final SlotCatalog slots;
    private final StringRedisTemplate redis;
    private final Jobs jobs;
    private final Clock clock;
    private final Duration grace;
    private final Counter corrected;

    SeatGateReconciler(SeatGate gate, SlotCatalog slots, StringRedisTemplate redis, Jobs jobs, MeterRegistry meters,
                       Clock clock, @Value("${doorstep.booking.reconcile-grace:2s}") Duration grace) {
        this.gate = gate;
        this.slots = slots;
        this.redis = redis;
        this.jobs = jobs;
        this.clock = clock;
        this.grace = grace;
        this.corrected = Counter.builder("doorstep.gates.corrected").tag("gate", "seat")
                .description("Seat gates found out of line with MySQL and reloaded").register(meters);
    }

    @Scheduled(initialDelayString = "${doorstep.booking.reconcile-every:PT30S}",
            fixedDelayString = "${doorstep.booking.reconcile-every:PT30S}")
    @SchedulerLock(name = "booking.gate-reconcile", lockAtMostFor = "PT5M", lockAtLeastFor = "PT10S")
    void scheduled() {
        jobs.run(log, "booking.gate-reconcile", this::reconcile);
    }

    /** One pass over the loaded gates; returns how many were corrected. */
    public int reconcile() {
        if (!gate.enabled()) {
            return 0;
        }
        return Reconciliation.correctLasting(loadedGates(), this::differs, grace, slotId -> {
            gate.forget(slotId);
            corrected.increment();
            log.info("Seat gate of slot {} differed from MySQL; forgotten, to be reloaded", slotId);
        });
    }

    private Set<Long> loadedGates() {
        Set<Long> ids = new HashSet<>();
        Set<String> members = redis.opsForSet().members(SeatGate.LOADED);
        if (members != null) {
            members.forEach(id -> ids.add(Long.valueOf(id)));
        }
        return ids;
    }

    /** Whether the gate differs from MySQL; a gate gone, or of a slot over, leaves the list. */
    private boolean differs(long slotId) {
        SeatGate.Snapshot held = gate.snapshot(slotId);
        Slot slot = held == null ? null : slots.find(slotId).orElse(null);
        if (slot == null || !slot.endsAt().isAfter(clock.instant())) {
            redis.opsForSet().remove(SeatGate.LOADED, Long.toString(slotId));
            return false;
        }
        return !Objects.equals(held.seats(), SeatGate.seatsOf(slot))
                || !held.holders().equals(gate.holdersInMySql(slotId));
    }
}
