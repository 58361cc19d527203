package cn.doorstep.booking.lists;

import cn.doorstep.booking.BookingStatus;
import cn.doorstep.booking.internal.BookingMapper;
import cn.doorstep.booking.internal.BookingRow;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.common.Spreadsheets;
import cn.doorstep.common.Zones;
import cn.doorstep.schedule.SlotCatalog;
import cn.doorstep.schedule.SlotInfo;
import cn.doorstep.station.StationDirectory.StationRef;
import cn.doorstep.station.StationDirectory;
import cn.doorstep.user.UserService;
import cn.doorstep.user.UserView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bookings at the stations of an admin's communities (a street's or district's admin: every
 * community below it). A page or an export batch is one query for the bookings and one each for their
 * slots, stations and holders.
 */
@Service
public class BookingLists {

    private final BookingMapper bookings;
    private final SlotCatalog catalog;
    private final StationDirectory stations;
    private final UserService users;

    BookingLists(BookingMapper bookings, SlotCatalog catalog, StationDirectory stations, UserService users) {
        this.bookings = bookings;
        this.catalog = catalog;
        this.stations = stations;
        this.users = users;
    }

    /** Every field optional; dates are China dates the booked slot starts on, both included. */
    public record Filter(Long communityId, Long stationId, BookingStatus status, LocalDate from, LocalDate to) {
    }

    @Transactional(readOnly = true)
    public PageResult<BookingLine> forAdmin(CurrentUser admin, Filter filter, PageQuery page) {
        Set<Long> at = stationsInScope(admin, filter);
        if (at.isEmpty()) {
            return PageResult.of(List.of(), 0, page);
        }
        String status = status(filter);
        Instant from = Zones.startOf(filter.from());
        Instant to = Zones.endOf(filter.to());
        long total = bookings.countForAdmin(at, status, from, to);
        List<BookingRow> rows = total == 0 ? List.of()
                : bookings.selectForAdmin(at, status, from, to, page.size(), page.offset());
        return PageResult.of(lines(rows), total, page);
    }

    /** The same list as a 台账 workbook; more than {@link Spreadsheets#MAX_ROWS} is a 400 before anything is written. */
    @Transactional(readOnly = true)
    public Spreadsheets.Export export(CurrentUser admin, Filter filter) {
        Set<Long> at = stationsInScope(admin, filter);
        String status = status(filter);
        Instant from = Zones.startOf(filter.from());
        Instant to = Zones.endOf(filter.to());
        if (!at.isEmpty()) {
            Spreadsheets.requireWithinLimit(bookings.countForAdmin(at, status, from, to));
        }
        List<String> header = List.of("编号", "站点", "社区编号", "项目", "开始", "结束", "预约人编号", "预约人", "手机",
                "状态", "预约时间", "签到时间", "签到人编号");
        return new Spreadsheets.Export("预约台账", header, sink -> {
            long after = 0;
            while (!at.isEmpty()) {
                List<BookingRow> batch = bookings.selectExportBatch(at, status, from, to, after, Spreadsheets.BATCH);
                if (batch.isEmpty()) {
                    return;
                }
                sink.accept(lines(batch).stream().map(BookingLists::row).toList());
                after = batch.get(batch.size() - 1).id;
            }
        });
    }

    private static List<Object> row(BookingLine l) {
        var row = new ArrayList<Object>();
        row.add(l.id());
        row.add(l.station().name());
        row.add(l.communityId());
        row.add(l.title());
        row.add(l.startsAt());
        row.add(l.endsAt());
        row.add(l.holder().userId());
        row.add(l.holder().nickname());
        row.add(l.holder().phone());
        row.add(l.status());
        row.add(l.createdAt());
        row.add(l.checkedInAt());
        row.add(l.checkedInBy());
        return row;
    }

    /** The stations of the caller's communities, narrowed to one community or station when named. */
    private Set<Long> stationsInScope(CurrentUser admin, Filter filter) {
        Set<Long> communities = admin.adminCommunityIds();
        if (filter.communityId() != null) {
            communities = communities.contains(filter.communityId()) ? Set.of(filter.communityId()) : Set.of();
        }
        Set<Long> at = stations.idsIn(communities);
        if (filter.stationId() != null) {
            return at.contains(filter.stationId()) ? Set.of(filter.stationId()) : Set.of();
        }
        return at;
    }

    private static String status(Filter filter) {
        return filter.status() == null ? null : filter.status().name();
    }

    private List<BookingLine> lines(List<BookingRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, SlotInfo> slots = catalog.slots(rows.stream().map(b -> b.slotId).distinct().toList());
        Map<Long, StationRef> where = stations.findAnyState(rows.stream().map(b -> b.stationId).distinct().toList());
        Map<Long, UserView> people = users.findAll(rows.stream().map(b -> b.userId).distinct().toList());
        return rows.stream().map(b -> {
            SlotInfo slot = slots.get(b.slotId);
            StationRef station = where.get(b.stationId);
            UserView holder = people.get(b.userId);
            return new BookingLine(b.id, new BookingLine.Station(b.stationId, station == null ? null : station.name()),
                    station == null ? null : station.communityId(), b.serviceId, b.activityId,
                    slot == null ? null : slot.title(), b.startsAt, b.endsAt,
                    new BookingLine.Holder(b.userId, holder == null ? null : holder.nickname(),
                            holder == null ? null : holder.phone()),
                    BookingStatus.valueOf(b.status), b.createdAt, b.checkedInAt, b.checkedInBy);
        }).toList();
    }
}
