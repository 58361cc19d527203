package cn.doorstep.booking.staff;

import cn.doorstep.booking.BookingProperties;
import cn.doorstep.booking.internal.BookingMapper;
import cn.doorstep.booking.internal.BookingRow;
import cn.doorstep.booking.internal.BookingWriter;
import cn.doorstep.common.Transactions;
import cn.doorstep.notify.NotificationKind;
import cn.doorstep.notify.Notifier;
import cn.doorstep.schedule.SlotCatalog;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The reminder before a slot: each booking is reminded once ({@code reminded_at} set conditionally,
 * the notice queued in the same transaction, with a dedupe key as well).
 */
@Service
public class Reminders {

    private static final int BATCH = 500;

    private final BookingMapper bookings;
    private final SlotCatalog catalog;
    private final Notifier notifier;
    private final BookingProperties properties;
    private final Transactions tx;
    private final Clock clock;

    Reminders(BookingMapper bookings, SlotCatalog catalog, Notifier notifier, BookingProperties properties,
              Transactions tx, Clock clock) {
        this.bookings = bookings;
        this.catalog = catalog;
        this.notifier = notifier;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
    }

    public int sendDue() {
        Instant now = clock.instant();
        int sent = 0;
        for (BookingRow b : bookings.selectToRemind(now, now.plus(properties.remindBefore()), BATCH)) {
            String title = catalog.slot(b.slotId).title();
            sent += tx.readCommitted(() -> {
                if (bookings.markReminded(b.id, now) == 0) {
                    return 0;
                }
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put("thing1", title);
                fields.put("time2", BookingWriter.whenText(b.startsAt));
                fields.put("character_string3", b.code);
                notifier.notify(b.userId, NotificationKind.BOOKING_REMINDER, fields, "pages/booking/detail?id=" + b.id,
                        "booking-reminder:" + b.id);
                return 1;
            });
        }
        return sent;
    }
}
