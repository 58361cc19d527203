package cn.doorstep.booking.waitlist;

import cn.doorstep.booking.BookRequest;
import cn.doorstep.booking.BookingError;
import cn.doorstep.booking.BookingProperties;
import cn.doorstep.booking.BookingView;
import cn.doorstep.booking.gate.SeatGate;
import cn.doorstep.booking.internal.BookerLimits;
import cn.doorstep.booking.internal.BookingMapper;
import cn.doorstep.booking.internal.BookingRow;
import cn.doorstep.booking.internal.BookingWriter;
import cn.doorstep.booking.internal.MemberMapper;
import cn.doorstep.booking.internal.MemberRow;
import cn.doorstep.common.ApiException;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.Failures;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.common.Transactions;
import cn.doorstep.notify.NotificationKind;
import cn.doorstep.notify.Notifier;
import cn.doorstep.schedule.ScheduleError;
import cn.doorstep.schedule.Slot;
import cn.doorstep.schedule.SlotCatalog;
import cn.doorstep.schedule.SlotInfo;
import cn.doorstep.schedule.SlotSeats;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Waitlists. When a slot is full a user may queue; a seat that frees (a cancellation, an offer that
 * expired or was declined) is set aside ({@code held}) for the first in line and offered to them for
 * {@code doorstep.booking.offer-hold}. The held seat counts as taken both in MySQL and in the gate
 * (the one offered joins the slot's holders), so nobody outside the line can book it meanwhile.
 * Each offer is one conditional UPDATE of the entry from WAITING: two seats freed at once can never
 * offer one user twice.
 */
@Service
public class Waitlist {

    private static final Logger log = LoggerFactory.getLogger(Waitlist.class);
    private static final int BATCH = 200;

    private final WaitlistMapper entries;
    private final SlotSeats seats;
    private final BookingMapper bookings;
    private final MemberMapper members;
    private final BookerLimits limits;
    private final SlotCatalog catalog;
    private final BookingWriter writer;
    private final SeatGate gate;
    private final Notifier notifier;
    private final Transactions tx;
    private final BookingProperties properties;
    private final Failures failures;
    private final Clock clock;

    Waitlist(WaitlistMapper entries, SlotSeats seats, BookingMapper bookings, MemberMapper members, BookerLimits limits,
             SlotCatalog catalog, BookingWriter writer, SeatGate gate, Notifier notifier, Transactions tx,
             BookingProperties properties, Failures failures, Clock clock) {
        this.entries = entries;
        this.seats = seats;
        this.bookings = bookings;
        this.members = members;
        this.limits = limits;
        this.catalog = catalog;
        this.writer = writer;
        this.gate = gate;
        this.notifier = notifier;
        this.tx = tx;
        this.properties = properties;
        this.failures = failures;
        this.clock = clock;
    }

    /** Queues for a full slot or activity. */
    public WaitlistView join(CurrentUser me, BookRequest request) {
        SlotInfo info = request.activityId() != null ? catalog.activity(request.activityId()) : catalog.slot(request.slotId());
        Slot slot = info.slot();
        Instant now = clock.instant();
        if (!slot.isOpen()) {
            throw new ApiException(ScheduleError.SLOT_CLOSED);
        }
        if (!slot.startsAt().isAfter(now)) {
            throw new ApiException(BookingError.TOO_LATE);
        }
        if (!info.audience().admits(me)) {
            throw new ApiException(BookingError.NOT_FOR_YOU);
        }
        BookingRow held = bookings.selectActive(slot.id(), me.id());
        if (held != null) {
            throw new ApiException(BookingError.ALREADY_BOOKED, BookingError.ALREADY_BOOKED.message(),
                    Map.of("bookingId", held.id));
        }
        if (slot.seatsLeft() > 0) {
            throw new ApiException(BookingError.SEATS_AVAILABLE);
        }
        // a place in line is worth something only to someone who could take the seat: refused before
        // anything is written (accepting checks again, under the member's lock)
        limits.check(members.selectById(me.id()), me.id(), info, now);
        long[] offered = new long[1];
        WaitlistRow row = tx.readCommitted(() -> {
            var entry = new WaitlistRow();
            entry.slotId = slot.id();
            entry.userId = me.id();
            entry.createdAt = now;
            try {
                entries.insert(entry);
            } catch (DuplicateKeyException twice) {
                throw new ApiException(BookingError.ALREADY_WAITLISTED);
            }
            // a seat freed between the check above and this insert found nobody waiting: offer it now
            Long next = offerFreedSeat(slot.id(), now);
            offered[0] = next == null ? 0 : next;
            return entry;
        });
        if (offered[0] != 0) {
            gate.adjustAfterCommit(slot.id(), null, offered[0]);
        }
        return view(entries.selectById(row.id), info);
    }

    /** A page of the user's places, newest first; slots and places in line read in one statement per kind. */
    @Transactional(readOnly = true)
    public PageResult<WaitlistView> mine(CurrentUser me, PageQuery page) {
        long total = entries.countOf(me.id());
        List<WaitlistRow> rows = total == 0 ? List.of() : entries.selectOf(me.id(), page.size(), page.offset());
        Map<Long, SlotInfo> slots = catalog.slots(rows.stream().map(e -> e.slotId).toList());
        List<Long> waiting = rows.stream().filter(e -> WaitlistStatus.WAITING.name().equals(e.status)).map(e -> e.id)
                .toList();
        Map<Long, Long> ahead = waiting.isEmpty() ? Map.of() : entries.selectAhead(waiting).stream()
                .collect(Collectors.toMap(WaitlistMapper.Ahead::id, WaitlistMapper.Ahead::ahead));
        return PageResult.of(rows.stream().map(e -> view(e, slots.get(e.slotId),
                ahead.getOrDefault(e.id, 0L).intValue())).toList(), total, page);
    }

    /** Takes the seat offered: it becomes a booking. */
    public BookingView accept(CurrentUser me, long id) {
        WaitlistRow entry = own(me, id);
        SlotInfo info = catalog.slot(entry.slotId);
        Instant now = clock.instant();
        members.open(me.id(), now); // outside the transaction, as BookingService does
        BookingRow booking = tx.readCommitted(() -> {
            MemberRow member = members.lock(me.id());
            WaitlistRow current = entries.selectById(id);
            if (!WaitlistStatus.OFFERED.name().equals(current.status) || !current.offerExpiresAt.isAfter(now)) {
                throw gone(current);
            }
            // paused or at the weekly limit since joining: refused, and the offer stays theirs until it
            // expires (cancelling another booking of the week makes room to accept it)
            limits.check(member, me.id(), info, now);
            if (!seats.bookHeld(entry.slotId)) {
                throw gone(current);
            }
            BookingRow row = writer.insert(info, me.id(), now);
            if (entries.accept(id, row.id, now) == 0) {
                throw gone(entries.selectById(id));
            }
            return row;
        });
        gate.adjustAfterCommit(entry.slotId, null, me.id()); // already a holder by the offer; kept as the booker
        return BookingWriter.view(booking, info.title(), info.cancelDeadline());
    }

    /** Leaves the line; an open offer passes to the next in line. */
    public WaitlistView leave(CurrentUser me, long id) {
        WaitlistRow entry = own(me, id);
        Instant now = clock.instant();
        Long next = tx.readCommitted(() -> {
            boolean live = WaitlistStatus.WAITING.name().equals(entry.status)
                    || WaitlistStatus.OFFERED.name().equals(entry.status);
            if (!live || entries.leave(id, entry.status) == 0) {
                throw gone(entries.selectById(id));
            }
            if (WaitlistStatus.OFFERED.name().equals(entry.status)) {
                seats.unhold(entry.slotId);
                return offerFreedSeat(entry.slotId, now);
            }
            return null;
        });
        if (WaitlistStatus.OFFERED.name().equals(entry.status)) {
            gate.adjustAfterCommit(entry.slotId, me.id(), next);
        }
        return view(entries.selectById(id), catalog.slot(entry.slotId));
    }

    /**
     * Inside the transaction that freed a seat of {@code slotId}: sets it aside for the first in line
     * and offers it to them. Returns who was offered, or null (nobody waiting, or no seat free).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Long offerFreedSeat(long slotId, Instant now) {
        if (!seats.hold(slotId)) {
            return null;
        }
        while (true) {
            WaitlistRow first = entries.selectFirstWaiting(slotId);
            if (first == null) {
                seats.unhold(slotId);
                return null;
            }
            if (bookings.selectActive(slotId, first.userId) != null) {
                entries.leave(first.id, WaitlistStatus.WAITING.name()); // booked meanwhile: out of the line
                continue;
            }
            Instant until = now.plus(properties.offerHold());
            if (entries.offer(first.id, now, until) == 1) {
                SlotInfo info = catalog.slot(slotId);
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put("thing1", info.title());
                fields.put("time2", BookingWriter.whenText(info.slot().startsAt()));
                fields.put("time3", BookingWriter.whenText(until));
                notifier.notify(first.userId, NotificationKind.WAITLIST_OFFER, fields,
                        "pages/booking/waitlist?id=" + first.id, "waitlist-offer:" + first.id);
                return first.userId;
            }
            // another transaction offered this entry first: the next in line
        }
    }

    /** The job: offers nobody accepted in time pass down the line. Returns how many expired. */
    public int expireOffers() {
        int expired = 0;
        Instant now = clock.instant();
        for (WaitlistRow offer : entries.selectExpiredOffers(now, BATCH)) {
            try {
                Long next = tx.readCommitted(() -> {
                    if (entries.expire(offer.id, now) == 0) {
                        return -1L;
                    }
                    seats.unhold(offer.slotId);
                    Long taker = offerFreedSeat(offer.slotId, now);
                    return taker == null ? 0L : taker;
                });
                if (next >= 0) {
                    expired++;
                    gate.adjustAfterCommit(offer.slotId, offer.userId, next == 0 ? null : next);
                }
            } catch (RuntimeException e) {
                failures.caught(log, "booking.offers", "Waitlist offer " + offer.id + " could not be passed on; the next run tries again", e);
            }
        }
        return expired;
    }

    private WaitlistRow own(CurrentUser me, long id) {
        WaitlistRow entry = entries.selectById(id);
        if (entry == null || entry.userId != me.id()) {
            throw new ApiException(BookingError.WAITLIST_NOT_FOUND);
        }
        return entry;
    }

    private static ApiException gone(WaitlistRow entry) {
        return new ApiException(BookingError.OFFER_GONE, BookingError.OFFER_GONE.message(), Map.of("status", entry.status));
    }

    private WaitlistView view(WaitlistRow e, SlotInfo info) {
        return view(e, info, WaitlistStatus.WAITING.name().equals(e.status) ? entries.countAhead(e.slotId, e.id) : 0);
    }

    /** @param ahead how many wait ahead, when the entry is WAITING */
    private static WaitlistView view(WaitlistRow e, SlotInfo info, int ahead) {
        WaitlistStatus status = WaitlistStatus.valueOf(e.status);
        Integer position = status == WaitlistStatus.WAITING ? ahead : null;
        return new WaitlistView(e.id, e.slotId, info.slot().activityId(), info.slot().serviceId(), info.title(),
                info.slot().startsAt(), status, position, status == WaitlistStatus.OFFERED ? e.offerExpiresAt : null,
                e.bookingId, e.createdAt);
    }
}
