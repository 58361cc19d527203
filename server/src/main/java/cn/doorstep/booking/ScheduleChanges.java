package cn.doorstep.booking;

import cn.doorstep.booking.gate.SeatGate;
import cn.doorstep.booking.internal.BookingChanges;
import cn.doorstep.booking.internal.BookingMapper;
import cn.doorstep.booking.internal.BookingRow;
import cn.doorstep.booking.internal.BookingWriter;
import cn.doorstep.booking.waitlist.WaitlistMapper;
import cn.doorstep.common.Transactions;
import cn.doorstep.notify.NotificationKind;
import cn.doorstep.notify.Notifier;
import cn.doorstep.schedule.SlotCapacityChanged;
import cn.doorstep.schedule.SlotClosed;
import cn.doorstep.schedule.SlotSeats;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * What booking does when the schedule changes under it. The events come through the publication
 * registry (delivered again until a handler succeeds), and each step is conditional, so a redelivery
 * changes nothing: a booking is cancelled only from BOOKED, its notice has a dedupe key, a closed
 * waitlist stays closed, and forgetting a gate twice is harmless. No transaction of the listener's own:
 * the cancellations run in one READ COMMITTED transaction.
 */
@Component
class ScheduleChanges {

    private final BookingMapper bookings;
    private final WaitlistMapper waitlist;
    private final SlotSeats seats;
    private final SeatGate gate;
    private final Notifier notifier;
    private final Transactions tx;
    private final Clock clock;

    private final BookingChanges changes;

    ScheduleChanges(BookingMapper bookings, WaitlistMapper waitlist, SlotSeats seats, SeatGate gate, Notifier notifier,
                    Transactions tx, Clock clock,
            BookingChanges changes) {
        this.changes = changes;
        this.bookings = bookings;
        this.waitlist = waitlist;
        this.seats = seats;
        this.gate = gate;
        this.notifier = notifier;
        this.tx = tx;
        this.clock = clock;
    }

    /** A closed slot: its bookings are cancelled and their holders told, its waitlist closed, its gate reloaded. */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(SlotClosed event) {
        Instant now = clock.instant();
        tx.readCommitted(() -> {
            for (BookingRow b : bookings.selectBookedOf(event.slotId())) {
                if (bookings.cancel(b.id, now, event.closedBy()) == 1) {
                    changes.changed(b.stationId, b.startsAt);
                    seats.release(event.slotId());
                    Map<String, String> fields = new LinkedHashMap<>();
                    fields.put("thing1", event.title());
                    fields.put("time2", BookingWriter.whenText(event.startsAt()));
                    fields.put("thing3", "站点已关闭该时段，预约已取消");
                    notifier.notify(b.userId, NotificationKind.SLOT_CLOSED, fields, "pages/booking/detail?id=" + b.id,
                            "slot-closed:" + b.id);
                }
            }
            waitlist.closeAll(event.slotId());
            return null;
        });
        gate.forgetAfterCommit(event.slotId()); // reloaded as closed by the next request
    }

    /** New capacities: the gates of those slots read them on their next use. */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(SlotCapacityChanged event) {
        event.slotIds().forEach(gate::forgetAfterCommit);
    }
}
