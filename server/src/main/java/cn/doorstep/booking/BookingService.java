package cn.doorstep.booking;

import cn.doorstep.booking.gate.SeatGate;
import cn.doorstep.booking.internal.BookerLimits;
import cn.doorstep.booking.internal.BookingChanges;
import cn.doorstep.booking.internal.BookingMapper;
import cn.doorstep.booking.internal.BookingRow;
import cn.doorstep.booking.internal.BookingWriter;
import cn.doorstep.booking.internal.MemberMapper;
import cn.doorstep.booking.internal.MemberRow;
import cn.doorstep.booking.waitlist.Waitlist;
import cn.doorstep.booking.waitlist.WaitlistMapper;
import cn.doorstep.booking.waitlist.WaitlistRow;
import cn.doorstep.booking.waitlist.WaitlistStatus;
import cn.doorstep.common.ApiException;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.IdempotentRequests;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.common.Transactions;
import cn.doorstep.common.Zones;
import cn.doorstep.schedule.ScheduleError;
import cn.doorstep.schedule.Slot;
import cn.doorstep.schedule.SlotCatalog;
import cn.doorstep.schedule.SlotInfo;
import cn.doorstep.schedule.SlotSeats;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.springframework.stereotype.Service;

/**
 * Booking a slot or an activity, and cancelling. A booking passes the Redis gate ({@link SeatGate}:
 * seats, one hold per user; a full slot is refused there without reading MySQL), the slot's rules
 * (open, audience, notice, horizon) and then, in one transaction on the booker's locked member row, MySQL's
 * guards: not paused, the weekly limit, one active booking per slot and user by a unique key, and
 * {@code booked + held < capacity} by a conditional UPDATE of the slot's row, taken after the insert so
 * that the lock all of the slot's bookings queue for is held briefly. If that transaction fails, the
 * gate's reservation is given back.
 */
@Service
public class BookingService {

    private final SlotCatalog catalog;
    private final SlotSeats seats;
    private final BookingMapper bookings;
    private final MemberMapper members;
    private final BookerLimits limits;
    private final WaitlistMapper waitlistEntries;
    private final BookingWriter writer;
    private final Waitlist waitlist;
    private final SeatGate gate;
    private final Transactions tx;
    private final BookingProperties properties;
    private final IdempotentRequests idempotent;
    private final Clock clock;

    private final BookingChanges changes;

    BookingService(SlotCatalog catalog, SlotSeats seats, BookingMapper bookings, MemberMapper members,
                   BookerLimits limits, WaitlistMapper waitlistEntries, BookingWriter writer, Waitlist waitlist,
                   SeatGate gate, Transactions tx, BookingProperties properties, IdempotentRequests idempotent,
                   Clock clock,
            BookingChanges changes) {
        this.changes = changes;
        this.catalog = catalog;
        this.seats = seats;
        this.bookings = bookings;
        this.members = members;
        this.limits = limits;
        this.waitlistEntries = waitlistEntries;
        this.writer = writer;
        this.waitlist = waitlist;
        this.gate = gate;
        this.tx = tx;
        this.properties = properties;
        this.idempotent = idempotent;
        this.clock = clock;
    }

    /**
     * Books for {@code key}, the client's Idempotency-Key. The gate answers first: a full or closed slot
     * is refused from Redis alone, before the key is claimed (no MySQL, nothing kept, so a retry once a
     * seat is free books). Then the key is claimed and the booking decided; a retry of a booking that went
     * through answers that booking.
     */
    public BookingView book(CurrentUser me, BookRequest request, String key) {
        return book(me, request, key, "booking.book", null);
    }

    /**
     * Books for {@code resident} on someone else's request (a grid head's for a resident without a phone),
     * under the same gate, rules and guards as their own booking. {@code inTransaction} receives the new
     * booking's id inside the transaction that inserts it (the audit row of who booked it); a retry with
     * the same key answers the first booking and runs nothing.
     */
    public BookingView bookFor(CurrentUser resident, BookRequest request, String key, LongConsumer inTransaction) {
        return book(resident, request, key, "booking.book-for", inTransaction);
    }

    private BookingView book(CurrentUser me, BookRequest request, String key, String operation,
                             LongConsumer inTransaction) {
        if ((request.slotId() == null) == (request.activityId() == null)) {
            throw new ApiException(BookingError.TARGET_REQUIRED);
        }
        idempotent.requireKey(key);
        // the gate first: a burst for a full slot is answered from Redis alone, without reading MySQL
        SlotInfo known = request.activityId() != null ? catalog.activity(request.activityId()) : null;
        long slotId = known != null ? known.slot().id() : request.slotId();
        SeatGate.Verdict verdict = gate.reserve(slotId, me.id());
        if (verdict == SeatGate.Verdict.FULL) {
            throw new ApiException(BookingError.FULL);
        }
        if (verdict == SeatGate.Verdict.CLOSED) {
            throw new ApiException(ScheduleError.SLOT_CLOSED);
        }
        boolean[] decided = {false};
        try {
            return idempotent.once(me.id(), key, operation, request, BookingView.class, () -> {
                decided[0] = true;
                return decide(me, known, slotId, verdict, inTransaction);
            });
        } finally {
            if (!decided[0] && verdict == SeatGate.Verdict.RESERVED) {
                gate.undo(slotId, me.id()); // a replay (or a reused key): this request's seat was never used
            }
        }
    }

    /** After the gate and the key: the slot's rules, then MySQL's guards in one transaction. */
    private BookingView decide(CurrentUser me, SlotInfo known, long slotId, SeatGate.Verdict verdict,
                               LongConsumer inTransaction) {
        Instant now = clock.instant();
        SlotInfo checked;
        try {
            checked = known != null ? known : catalog.slot(slotId);
            checkBookable(me, checked, now);
        } catch (RuntimeException refused) {
            if (verdict == SeatGate.Verdict.RESERVED) {
                gate.undo(slotId, me.id());
            }
            throw refused;
        }
        SlotInfo info = checked;
        Slot slot = info.slot();
        if (verdict == SeatGate.Verdict.HOLDER) {
            BookingRow held = bookings.selectActive(slot.id(), me.id());
            if (held != null) {
                throw alreadyBooked(held);
            }
            WaitlistRow offer = waitlistEntries.selectLive(slot.id(), me.id());
            if (offer != null && WaitlistStatus.OFFERED.name().equals(offer.status)) {
                return waitlist.accept(me, offer.id); // booking the seat offered to you is accepting the offer
            }
            // otherwise a reservation of the same user is still on its way to MySQL: MySQL decides
        }
        BookingRow row;
        try {
            members.open(me.id(), now); // before the transaction: INSERT IGNORE's shared lock would deadlock FOR UPDATE
            row = tx.readCommitted(() -> {
                limits.check(members.lock(me.id()), me.id(), info, now);
                BookingRow inserted = writer.insert(info, me.id(), now);
                // the slot's row late: every booking of the slot waits for its lock, now held only for the
                // statements after this one and the commit (a refused seat rolls the insert back)
                if (!seats.take(slot.id())) {
                    boolean open = catalog.find(slot.id()).map(Slot::isOpen).orElse(false);
                    throw new ApiException(open ? BookingError.FULL : ScheduleError.SLOT_CLOSED);
                }
                // after the slot's row, as cancelling takes them: a freed seat is offered under the slot's lock
                WaitlistRow queued = waitlistEntries.selectLive(slot.id(), me.id());
                if (queued != null && WaitlistStatus.WAITING.name().equals(queued.status)) {
                    waitlistEntries.leave(queued.id, queued.status); // booked: no longer waiting
                }
                if (inTransaction != null) {
                    inTransaction.accept(inserted.id);
                }
                return inserted;
            });
        } catch (RuntimeException failed) {
            if (verdict == SeatGate.Verdict.RESERVED) {
                gate.undo(slot.id(), me.id());
            }
            throw failed;
        }
        gate.adjustAfterCommit(slot.id(), null, me.id()); // keeps the holder even if Redis reloaded meanwhile
        return BookingWriter.view(row, info.title(), info.cancelDeadline());
    }

    /** Cancels before the deadline: the seat is released once, in MySQL and the gate, or offered to the waitlist. */
    public BookingView cancel(CurrentUser me, long id) {
        BookingRow booking = own(me, id);
        SlotInfo info = catalog.slot(booking.slotId);
        Instant now = clock.instant();
        if (!BookingStatus.BOOKED.name().equals(booking.status)) {
            throw wrongState(booking.status);
        }
        if (!now.isBefore(booking.startsAt.minus(info.cancelDeadline()))) {
            throw new ApiException(BookingError.CANCEL_DEADLINE_PASSED, BookingError.CANCEL_DEADLINE_PASSED.message(),
                    Map.of("deadline", booking.startsAt.minus(info.cancelDeadline()).toString()));
        }
        Long offered = tx.readCommitted(() -> {
            if (bookings.cancel(id, now, me.id()) == 0) {
                throw wrongState(bookings.selectById(id).status);
            }
            changes.changed(booking.stationId, booking.startsAt);
            seats.release(booking.slotId);
            return waitlist.offerFreedSeat(booking.slotId, now);
        });
        gate.adjustAfterCommit(booking.slotId, me.id(), offered);
        return BookingWriter.view(bookings.selectById(id), info.title(), info.cancelDeadline());
    }

    public BookingView get(CurrentUser me, long id) {
        BookingRow booking = own(me, id);
        SlotInfo info = catalog.slot(booking.slotId);
        return BookingWriter.view(booking, info.title(), info.cancelDeadline());
    }

    /** The user's bookings, latest slot first; their slots' titles and rules read in one statement per kind. */
    public PageResult<BookingView> mine(CurrentUser me, PageQuery page) {
        long total = bookings.countOf(me.id());
        List<BookingRow> rows = total == 0 ? List.of() : bookings.selectOf(me.id(), page.size(), page.offset());
        Map<Long, SlotInfo> slots = catalog.slots(rows.stream().map(b -> b.slotId).toList());
        var items = rows.stream().map(b -> {
            SlotInfo info = slots.get(b.slotId);
            return BookingWriter.view(b, info.title(), info.cancelDeadline());
        }).toList();
        return PageResult.of(items, total, page);
    }

    /** Whether the user may book now, and if paused, until when and why. */
    public BookingStanding standing(CurrentUser me) {
        Instant now = clock.instant();
        MemberRow member = members.selectById(me.id());
        boolean paused = member != null && member.pausedUntil != null && member.pausedUntil.isAfter(now);
        Instant since = now.minus(properties.noShowWindow());
        if (member != null && member.pausedFrom != null && member.pausedFrom.isAfter(since)) {
            since = member.pausedFrom;
        }
        return new BookingStanding(paused, paused ? member.pausedUntil : null, paused ? member.pauseReason : null,
                bookings.countNoShowsSince(me.id(), since), properties.noShowLimit());
    }

    private void checkBookable(CurrentUser me, SlotInfo info, Instant now) {
        Slot slot = info.slot();
        if (!slot.isOpen()) {
            throw new ApiException(ScheduleError.SLOT_CLOSED);
        }
        if (!info.audience().admits(me)) {
            throw new ApiException(BookingError.NOT_FOR_YOU);
        }
        if (now.plus(info.minNotice()).isAfter(slot.startsAt())) {
            throw new ApiException(BookingError.TOO_LATE);
        }
        if (info.horizonDays() > 0) {
            LocalDate today = LocalDate.ofInstant(now, Zones.CHINA);
            if (LocalDate.ofInstant(slot.startsAt(), Zones.CHINA).isAfter(today.plusDays(info.horizonDays()))) {
                throw new ApiException(BookingError.BEYOND_HORIZON, BookingError.BEYOND_HORIZON.message(),
                        Map.of("horizonDays", info.horizonDays()));
            }
        }
    }

    private BookingRow own(CurrentUser me, long id) {
        BookingRow booking = bookings.selectById(id);
        if (booking == null || booking.userId != me.id()) {
            throw new ApiException(BookingError.BOOKING_NOT_FOUND); // another user's booking is simply not found
        }
        return booking;
    }

    static ApiException wrongState(String status) {
        return new ApiException(BookingError.WRONG_STATE, "The booking is " + status, Map.of("status", status));
    }

    private static ApiException alreadyBooked(BookingRow held) {
        return new ApiException(BookingError.ALREADY_BOOKED, BookingError.ALREADY_BOOKED.message(),
                Map.of("bookingId", held.id));
    }
}
