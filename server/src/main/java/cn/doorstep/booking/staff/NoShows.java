package cn.doorstep.booking.staff;

import cn.doorstep.booking.BookingProperties;
import cn.doorstep.booking.internal.BookingChanges;
import cn.doorstep.booking.internal.BookingMapper;
import cn.doorstep.booking.internal.BookingRow;
import cn.doorstep.booking.internal.MemberMapper;
import cn.doorstep.booking.internal.MemberRow;
import cn.doorstep.common.Failures;
import cn.doorstep.common.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Bookings nobody checked in by the slot's end plus the grace become NO_SHOW (one conditional UPDATE
 * each: safe with any number of instances). {@code noShowLimit} no-shows within {@code noShowWindow}
 * pause the user's booking for {@code pauseFor}; no-shows before a pause's start do not count again.
 */
@Service
public class NoShows {

    private static final Logger log = LoggerFactory.getLogger(NoShows.class);
    private static final int BATCH = 500;

    private final BookingMapper bookings;
    private final MemberMapper members;
    private final BookingProperties properties;
    private final Transactions tx;
    private final Failures failures;
    private final Clock clock;

    private final BookingChanges changes;

    NoShows(BookingMapper bookings, MemberMapper members, BookingProperties properties, Transactions tx, Failures failures, Clock clock,
            BookingChanges changes) {
        this.changes = changes;
        this.bookings = bookings;
        this.members = members;
        this.properties = properties;
        this.tx = tx;
        this.failures = failures;
        this.clock = clock;
    }

    /** Marks what is due; returns how many bookings became no-shows. */
    public int markDue() {
        Instant now = clock.instant();
        Instant before = now.minus(properties.noShowGrace());
        int marked = 0;
        for (Long id : bookings.selectDueNoShows(before, BATCH)) {
            try {
                members.open(bookings.selectById(id).userId, now); // outside the transaction (see BookingService)
                marked += tx.readCommitted(() -> mark(id, before, now));
            } catch (RuntimeException e) {
                failures.caught(log, "booking.no-shows", "No-show of booking " + id + " not marked; the next run tries again", e);
            }
        }
        return marked;
    }

    private int mark(long id, Instant before, Instant now) {
        if (bookings.markNoShow(id, before) == 0) {
            return 0; // checked in, cancelled, or another instance marked it
        }
        BookingRow booking = bookings.selectById(id);
        changes.changed(booking.stationId, booking.startsAt);
        MemberRow member = members.lock(booking.userId);
        if (member.pausedUntil != null && member.pausedUntil.isAfter(now)) {
            return 1;
        }
        Instant since = now.minus(properties.noShowWindow());
        if (member.pausedFrom != null && member.pausedFrom.isAfter(since)) {
            since = member.pausedFrom;
        }
        int count = bookings.countNoShowsSince(booking.userId, since);
        if (count >= properties.noShowLimit()) {
            Instant until = now.plus(properties.pauseFor());
            members.pause(booking.userId, now, until, "%d 次预约未到（%d 天内），暂停预约至 %s".formatted(count,
                    properties.noShowWindow().toDays(), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                            .withZone(cn.doorstep.common.Zones.CHINA).format(until)));
        }
        return 1;
    }
}
