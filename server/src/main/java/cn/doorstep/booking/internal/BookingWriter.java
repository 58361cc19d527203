package cn.doorstep.booking.internal;

import cn.doorstep.booking.BookingError;
import cn.doorstep.booking.BookingStatus;
import cn.doorstep.booking.BookingView;
import cn.doorstep.common.ApiException;
import cn.doorstep.common.RandomCodes;
import cn.doorstep.common.Zones;
import cn.doorstep.notify.NotificationKind;
import cn.doorstep.notify.Notifier;
import cn.doorstep.schedule.SlotInfo;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Writes a booking row for a seat taken in the same transaction (booking takes it just after the
 * insert, accepting a waitlist offer before), with its unguessable code, and queues the confirmation.
 */
@Component
public class BookingWriter {

    /** No 0/O or 1/I/L, so staff can type a code a scanner cannot read: 31 symbols, 10 of them (~49 bits). */
    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final int CODE_LENGTH = 10;
    public static final String QR_PREFIX = "doorstep:booking:";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Zones.CHINA);

    private final BookingMapper bookings;
    private final Notifier notifier;
    private final BookingChanges changes;

    BookingWriter(BookingMapper bookings, Notifier notifier, BookingChanges changes) {
        this.bookings = bookings;
        this.notifier = notifier;
        this.changes = changes;
    }

    /** Inserts the booking; a second active booking of the slot by the user is a 409 (the unique key). */
    public BookingRow insert(SlotInfo info, long userId, Instant now) {
        var row = new BookingRow();
        row.slotId = info.slot().id();
        row.userId = userId;
        row.stationId = info.slot().stationId();
        row.serviceId = info.slot().serviceId();
        row.activityId = info.slot().activityId();
        row.code = newCode();
        row.status = BookingStatus.BOOKED.name();
        row.activeKey = 1;
        row.startsAt = info.slot().startsAt();
        row.endsAt = info.slot().endsAt();
        row.weekStart = weekOf(info.slot().startsAt());
        row.createdAt = now;
        try {
            bookings.insert(row);
        } catch (DuplicateKeyException twice) {
            BookingRow held = bookings.selectActive(info.slot().id(), userId);
            throw new ApiException(BookingError.ALREADY_BOOKED, BookingError.ALREADY_BOOKED.message(),
                    held == null ? null : Map.of("bookingId", held.id));
        }
        changes.changed(row.stationId, row.startsAt);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("thing1", info.title());
        fields.put("time2", WHEN.format(info.slot().startsAt()));
        fields.put("character_string3", row.code);
        notifier.notify(userId, NotificationKind.BOOKING_CONFIRMED, fields, "pages/booking/detail?id=" + row.id,
                "booking-confirmed:" + row.id);
        return row;
    }

    /** The Monday (China time) of the week an instant falls in. */
    public static LocalDate weekOf(Instant at) {
        return LocalDate.ofInstant(at, Zones.CHINA).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    public static String newCode() {
        return RandomCodes.of(ALPHABET, CODE_LENGTH);
    }

    public static String whenText(Instant at) {
        return WHEN.format(at);
    }

    public static BookingView view(BookingRow b, String title, java.time.Duration cancelDeadline) {
        return new BookingView(b.id, b.code, QR_PREFIX + b.code, BookingStatus.valueOf(b.status), b.slotId, b.serviceId,
                b.activityId, b.stationId, title, b.startsAt, b.endsAt, b.startsAt.minus(cancelDeadline), b.createdAt);
    }
}
