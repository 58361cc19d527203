package cn.doorstep.booking.staff;

import cn.doorstep.audit.AuditLog;
import cn.doorstep.booking.BookingError;
import cn.doorstep.booking.BookingProperties;
import cn.doorstep.booking.BookingStatus;
import cn.doorstep.booking.internal.BookingChanges;
import cn.doorstep.booking.internal.BookingMapper;
import cn.doorstep.booking.internal.BookingRow;
import cn.doorstep.booking.internal.BookingWriter;
import cn.doorstep.common.ApiException;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.common.Role;
import cn.doorstep.common.Transactions;
import cn.doorstep.common.Zones;
import cn.doorstep.schedule.Managers;
import cn.doorstep.schedule.SlotCatalog;
import cn.doorstep.schedule.SlotInfo;
import cn.doorstep.station.StationDirectory;
import cn.doorstep.station.StationDirectory.StationRef;
import cn.doorstep.user.UserService;
import cn.doorstep.user.UserView;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * What station staff do with bookings: see a day's bookings at their own stations, and check a
 * resident in by the code they show — only at the booking's own station. A check-in is one
 * conditional UPDATE from BOOKED, so scanning twice is a 409 naming the state; an activity's
 * attendance earns its points in the same transaction, so it is checked in only around the activity
 * and never by the attendee themselves.
 */
@Service
public class StaffBookings {

    /** The most bookings a lookup reads: more than a station checks in in a day. */
    private static final int LOOKUP_LIMIT = 1_000;

    private final BookingMapper bookings;
    private final SlotCatalog catalog;
    private final AttendancePoints points;
    private final Managers managers;
    private final UserService users;
    private final StationDirectory stations;
    private final AuditLog audit;
    private final Transactions tx;
    private final BookingProperties properties;
    private final Clock clock;

    private final BookingChanges changes;

    StaffBookings(BookingMapper bookings, SlotCatalog catalog, AttendancePoints points, Managers managers,
                  UserService users, StationDirectory stations, AuditLog audit, Transactions tx,
                  BookingProperties properties, Clock clock,
            BookingChanges changes) {
        this.changes = changes;
        this.bookings = bookings;
        this.catalog = catalog;
        this.points = points;
        this.managers = managers;
        this.users = users;
        this.stations = stations;
        this.audit = audit;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The bookings of a (China) date at the caller's stations, or at one of them ({@code stationId}), by
     * start: a page of them, with their people and titles read in one statement per kind.
     */
    public PageResult<StaffBookingView> ofDay(CurrentUser me, LocalDate date, Long stationId, PageQuery page) {
        Set<Long> stations = stationId == null ? me.scopesOf(Role.STAFF) : Set.of(stationId);
        if (stationId != null) {
            managers.require(me, stationId);
        }
        if (stations.isEmpty()) {
            throw new ApiException(BookingError.NOT_YOUR_STATION);
        }
        Instant from = date.atStartOfDay(Zones.CHINA).toInstant();
        Instant to = date.plusDays(1).atStartOfDay(Zones.CHINA).toInstant();
        long total = bookings.countAtStations(stations, from, to);
        List<BookingRow> rows = total == 0 ? List.of()
                : bookings.selectAtStations(stations, from, to, page.size(), page.offset());
        Map<Long, SlotInfo> slots = catalog.slots(rows.stream().map(b -> b.slotId).toList());
        Map<Long, UserView> people = users.findAll(rows.stream().map(b -> b.userId).toList());
        return PageResult.of(rows.stream().map(b -> view(b, slots.get(b.slotId), people.get(b.userId), 0)).toList(),
                total, page);
    }

    public StaffBookingView checkIn(CurrentUser me, String scanned) {
        String code = scanned.strip();
        if (code.startsWith(BookingWriter.QR_PREFIX)) {
            code = code.substring(BookingWriter.QR_PREFIX.length());
        }
        BookingRow booking = bookings.selectByCode(code.toUpperCase(Locale.ROOT));
        if (booking == null) {
            throw new ApiException(BookingError.CODE_UNKNOWN);
        }
        return checkIn(me, booking, "booking.check-in");
    }

    /**
     * A resident without their code (no phone, or it is flat): staff look them up among the bookings
     * still to check in today at their station, by nickname or the last four digits of the phone.
     */
    public PageResult<BookingMatch> lookUp(CurrentUser me, long stationId, String query, PageQuery page) {
        if (!me.isStaffOf(stationId)) {
            throw new ApiException(BookingError.NOT_YOUR_STATION);
        }
        String q = query.strip();
        LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
        List<BookingRow> rows = bookings.selectToCheckIn(stationId, Zones.startOf(today), Zones.endOf(today),
                LOOKUP_LIMIT);
        Map<Long, UserView> people = users.findAll(rows.stream().map(b -> b.userId).distinct().toList());
        boolean lastFour = q.matches("\\d{4}");
        List<BookingRow> found = rows.stream().filter(b -> {
            UserView u = people.get(b.userId);
            return u != null && (lastFour ? u.phone() != null && u.phone().endsWith(q)
                    : u.nickname() != null && u.nickname().contains(q));
        }).toList();
        Map<Long, SlotInfo> slots = catalog.slots(found.stream().map(b -> b.slotId).distinct().toList());
        return PageResult.slice(found.stream().map(b -> {
            UserView u = people.get(b.userId);
            SlotInfo info = slots.get(b.slotId);
            return new BookingMatch(b.id, b.userId, u.nickname(), u.phone(), info == null ? null : info.title(),
                    b.startsAt, b.endsAt);
        }).toList(), page);
    }

    /** Checks in a booking found by {@link #lookUp}: the same rules as by code; audited as a check-in without one. */
    public StaffBookingView checkInFound(CurrentUser me, long bookingId) {
        BookingRow booking = bookings.selectById(bookingId);
        if (booking == null || !me.isStaffOf(booking.stationId)) {
            throw new ApiException(BookingError.BOOKING_NOT_FOUND); // another station's booking is not theirs to see
        }
        return checkIn(me, booking, "booking.check-in.lookup");
    }

    private StaffBookingView checkIn(CurrentUser me, BookingRow booking, String action) {
        if (!me.isStaffOf(booking.stationId)) {
            throw new ApiException(BookingError.NOT_YOUR_STATION);
        }
        SlotInfo info = catalog.slot(booking.slotId);
        Long community = stations.find(booking.stationId).map(StationRef::communityId).orElse(null);
        Instant now = clock.instant();
        if (info.isActivity()) {
            requireAttendable(me, booking, now); // attendance earns points: nobody checks themselves in, nor early
        }
        long awarded = tx.readCommitted(() -> {
            if (bookings.checkIn(booking.id, now, me.id()) == 0) {
                String status = bookings.selectById(booking.id).status;
                throw new ApiException(BookingError.WRONG_STATE, "The booking is " + status, Map.of("status", status));
            }
            audit.record(me.id(), community, action, "booking", booking.id, info.title());
            changes.changed(booking.stationId, booking.startsAt);
            return info.isActivity() ? points.award(info.activity(), booking.userId, me.id(), now) : 0L;
        });
        return view(bookings.selectById(booking.id), awarded);
    }

    /**
     * An activity's attendee is checked in by someone else, and only while it can be attended: from
     * {@code activity-check-in-opens} before it starts until the no-show grace after it ends (after that
     * the booking becomes a no-show).
     */
    private void requireAttendable(CurrentUser me, BookingRow booking, Instant now) {
        if (booking.userId == me.id()) {
            throw new ApiException(BookingError.OWN_CHECK_IN);
        }
        Instant opens = booking.startsAt.minus(properties.activityCheckInOpens());
        Instant closes = booking.endsAt.plus(properties.noShowGrace());
        if (now.isBefore(opens) || now.isAfter(closes)) {
            var window = new LinkedHashMap<String, Object>();
            window.put("opensAt", opens.toString());
            window.put("closesAt", closes.toString());
            throw new ApiException(BookingError.CHECK_IN_CLOSED, BookingError.CHECK_IN_CLOSED.message(), window);
        }
    }

    private StaffBookingView view(BookingRow b, long awarded) {
        return view(b, catalog.slot(b.slotId), users.find(b.userId).orElse(null), awarded);
    }

    /** @param user null when the account is gone */
    private static StaffBookingView view(BookingRow b, SlotInfo info, UserView user, long awarded) {
        return new StaffBookingView(b.id, b.stationId, b.userId, user == null ? null : user.nickname(), b.serviceId,
                b.activityId, info.title(), b.startsAt, b.endsAt, BookingStatus.valueOf(b.status), b.checkedInAt, awarded);
    }
}
