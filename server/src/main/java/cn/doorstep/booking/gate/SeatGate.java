package cn.doorstep.booking.gate;

import cn.doorstep.booking.BookingProperties;
import cn.doorstep.booking.internal.BookingMapper;
import cn.doorstep.booking.waitlist.WaitlistMapper;
import cn.doorstep.common.Failures;
import cn.doorstep.schedule.Slot;
import cn.doorstep.schedule.SlotCatalog;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The Redis gate in front of MySQL's seat guard. Per slot, {@code slot:{id}:seats} holds how many
 * seats the gate may give (the capacity; -1 once closed) and {@code slot:{id}:holders} the users who
 * hold one: an active booking, an offer from the waitlist, or a reservation whose MySQL step runs.
 * Seats left = seats − |holders|. A burst is answered here, and only as many requests as there are
 * seats reach MySQL, whose conditional UPDATE still decides.
 *
 * <p>Every change MySQL commits is followed by an idempotent set operation (add the booker, remove
 * the canceller, add the one offered), so the holders follow MySQL. A missing key is reloaded from
 * MySQL — never read as full or empty — and the load is kept only if the slot's version did not move
 * while it was read; otherwise it is dropped and read again (a commit in between could have been
 * missed). After three tries the request goes on with MySQL's guards alone.
 */
@Component
public class SeatGate {

    /** What the gate said. PASS: no gate (off, or not loadable now) — MySQL alone decides. */
    public enum Verdict { RESERVED, HOLDER, FULL, CLOSED, PASS }

    private static final Logger log = LoggerFactory.getLogger(SeatGate.class);

    private static final RedisScript<Long> RESERVE = RedisScript.of("""
            local seats = redis.call('GET', KEYS[1])
            if not seats then return -2 end
            seats = tonumber(seats)
            if seats < 0 then return -3 end
            if redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 1 then return -1 end
            if redis.call('SCARD', KEYS[2]) >= seats then return 0 end
            redis.call('SADD', KEYS[2], ARGV[1])
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl > 0 then redis.call('PEXPIRE', KEYS[2], ttl) end
            return 1
            """, Long.class);

    private static final RedisScript<Long> LOAD = RedisScript.of("""
            if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
            redis.call('DEL', KEYS[2])
            for i = 3, #ARGV do redis.call('SADD', KEYS[2], ARGV[i]) end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            if #ARGV >= 3 then redis.call('PEXPIRE', KEYS[2], ARGV[2]) end
            return 1
            """, Long.class);

    /** After a commit: ARGV[1] gives up its seat, ARGV[2] takes one ('' for none); nothing if not loaded. */
    private static final RedisScript<Long> ADJUST = RedisScript.of("""
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            if ARGV[1] ~= '' then redis.call('SREM', KEYS[2], ARGV[1]) end
            if ARGV[2] ~= '' then
              redis.call('SADD', KEYS[2], ARGV[2])
              local ttl = redis.call('PTTL', KEYS[1])
              if ttl > 0 then redis.call('PEXPIRE', KEYS[2], ttl) end
            end
            return 1
            """, Long.class);

    private static final RedisScript<List> READ = RedisScript.of("""
            return {redis.call('GET', KEYS[1]), redis.call('SCARD', KEYS[2])}
            """, List.class);

    /** The whole gate: {seats, holder, holder, …}, or {} when it is not loaded. */
    private static final RedisScript<List> SNAPSHOT = RedisScript.of("""
            local seats = redis.call('GET', KEYS[1])
            if not seats then return {} end
            local out = {seats}
            for _, holder in ipairs(redis.call('SMEMBERS', KEYS[2])) do out[#out + 1] = holder end
            return out
            """, List.class);

    /** The ids of the slots whose gate was loaded (a set), for the reconciliation to walk. */
    static final String LOADED = "slot:gates";

    private static final int LOAD_TRIES = 3;
    private static final Duration KEPT_AFTER_END = Duration.ofDays(1);
    /** A slot long past its end is still kept this long, so the request that loaded it finds it. */
    private static final Duration KEPT_AT_LEAST = Duration.ofMinutes(1);

    private final StringRedisTemplate redis;
    private final SlotCatalog slots;
    private final BookingMapper bookings;
    private final WaitlistMapper waitlist;
    private final BookingProperties properties;
    private final Failures failures;
    private final Clock clock;

    SeatGate(StringRedisTemplate redis, SlotCatalog slots, BookingMapper bookings, WaitlistMapper waitlist,
             BookingProperties properties, Failures failures, Clock clock) {
        this.redis = redis;
        this.slots = slots;
        this.bookings = bookings;
        this.waitlist = waitlist;
        this.properties = properties;
        this.failures = failures;
        this.clock = clock;
    }

    /** The slot's seats; its holders share the hash tag {@code {slotId}}: one Redis Cluster slot for both (DESIGN §5). */
    public static String seatsKey(long slotId) {
        return "slot:{" + slotId + "}:seats";
    }

    public static String holdersKey(long slotId) {
        return "slot:{" + slotId + "}:holders";
    }

    private static List<String> keys(long slotId) {
        return List.of(seatsKey(slotId), holdersKey(slotId));
    }

    public boolean enabled() {
        return properties.gateEnabled();
    }

    /** Reserves a seat for {@code userId}, loading the slot from MySQL when Redis does not have it. */
    public Verdict reserve(long slotId, long userId) {
        if (!enabled()) {
            return Verdict.PASS;
        }
        for (int i = 0; i <= LOAD_TRIES; i++) {
            Long answer = redis.execute(RESERVE, keys(slotId), Long.toString(userId));
            if (answer != null && answer != -2) {
                return answer == 1 ? Verdict.RESERVED : answer == -1 ? Verdict.HOLDER
                        : answer == -3 ? Verdict.CLOSED : Verdict.FULL;
            }
            if (i < LOAD_TRIES && !load(slotId)) {
                return Verdict.PASS; // no such slot: the caller's MySQL read answers
            }
        }
        return Verdict.PASS;
    }

    /**
     * The MySQL step failed: the reservation is given back (unless the user holds the seat after all).
     * Never throws: the caller is answering the failure that brought it here, and a reservation left
     * behind is a phantom holder the reconciliation removes.
     */
    public void undo(long slotId, long userId) {
        failures.tolerated(log, "booking.gate", "Seat gate of slot " + slotId + " kept a reservation MySQL refused; "
                + "the reconciliation removes it", () -> {
                    if (enabled() && bookings.selectActive(slotId, userId) == null) {
                        adjust(slotId, userId, null);
                    }
                });
    }

    /**
     * {@link #adjust} after MySQL committed: a Redis failure here is logged and counted, never answered
     * as an error (the change is committed, and a retry would be refused as a repeat); the
     * reconciliation brings the gate back in line with MySQL.
     */
    public void adjustAfterCommit(long slotId, Long leaving, Long taking) {
        failures.tolerated(log, "booking.gate", "Seat gate of slot " + slotId + " not updated after a commit; "
                + "the reconciliation corrects it", () -> adjust(slotId, leaving, taking));
    }

    /** {@link #forget} after MySQL committed, never throwing (see {@link #adjustAfterCommit}). */
    public void forgetAfterCommit(long slotId) {
        failures.tolerated(log, "booking.gate", "Seat gate of slot " + slotId + " not forgotten after a commit; "
                + "the reconciliation corrects it", () -> forget(slotId));
    }

    /**
     * After a commit: {@code leaving} no longer holds a seat, {@code taking} does (either may be null).
     * Runs even with the gate off, so turning it back on finds no stale keys only if they expired;
     * {@link #forget} is the safe choice then.
     */
    public void adjust(long slotId, Long leaving, Long taking) {
        if (!enabled()) {
            return;
        }
        redis.execute(ADJUST, keys(slotId), leaving == null ? "" : leaving.toString(),
                taking == null ? "" : taking.toString());
    }

    /** The slot changed in a way the set operations do not express (capacity, closing): read it again. */
    public void forget(long slotId) {
        redis.delete(keys(slotId));
    }

    /** Seats left as the gate sees them, or empty when Redis does not hold the slot. */
    public Optional<Integer> seatsLeft(long slotId) {
        List<?> read = redis.execute(READ, keys(slotId));
        if (read == null || read.isEmpty() || read.get(0) == null) {
            return Optional.empty();
        }
        int seats = Integer.parseInt(read.get(0).toString());
        return Optional.of(seats < 0 ? 0 : seats - ((Number) read.get(1)).intValue());
    }

    /**
     * How long the keys live: until a day after the slot ends, measured on the app's clock and given to
     * Redis as a duration, never as an instant. Redis judges an instant by its own clock, and the two
     * clocks need not agree (a test's pinned clock, a server whose time drifts).
     */
    private Duration keptFor(Slot slot) {
        Duration left = Duration.between(clock.instant(), slot.endsAt().plus(KEPT_AFTER_END));
        return left.compareTo(KEPT_AT_LEAST) < 0 ? KEPT_AT_LEAST : left;
    }

    /** Loads the slot from MySQL; false when it has no row. */
    boolean load(long slotId) {
        Slot slot = slots.find(slotId).orElse(null);
        if (slot == null) {
            return false;
        }
        var args = new ArrayList<String>();
        args.add(seatsOf(slot));
        args.add(Long.toString(keptFor(slot).toMillis()));
        args.addAll(holdersInMySql(slotId));
        Long loaded = redis.execute(LOAD, keys(slotId), args.toArray());
        if (loaded != null && loaded == 1) {
            redis.opsForSet().add(LOADED, Long.toString(slotId));
            if (!Long.valueOf(slot.version()).equals(slots.version(slotId))) {
                forget(slotId); // a commit landed while we read: its set operation may be missing
            }
        }
        return true;
    }

    /** Who holds a seat by MySQL's record: an active booking, or an offer from the waitlist. */
    Set<String> holdersInMySql(long slotId) {
        Set<String> holders = new LinkedHashSet<>();
        bookings.selectHolders(slotId).forEach(id -> holders.add(id.toString()));
        waitlist.selectOffered(slotId).forEach(id -> holders.add(id.toString()));
        return holders;
    }

    /** What the seats key holds for a slot: its capacity, or -1 once closed. */
    static String seatsOf(Slot slot) {
        return Integer.toString(slot.isOpen() ? slot.capacity() : -1);
    }

    /** The gate as Redis holds it now, or null when it is not loaded. */
    Snapshot snapshot(long slotId) {
        List<?> read = redis.execute(SNAPSHOT, keys(slotId));
        if (read == null || read.isEmpty()) {
            return null;
        }
        Set<String> holders = new LinkedHashSet<>();
        read.subList(1, read.size()).forEach(h -> holders.add(h.toString()));
        return new Snapshot(read.get(0).toString(), holders);
    }

    /** A gate's two keys: the seats value and the holders. */
    record Snapshot(String seats, Set<String> holders) {
    }
}
