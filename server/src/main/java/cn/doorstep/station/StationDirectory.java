package cn.doorstep.station;

import cn.doorstep.station.hours.HolidayCalendar;
import cn.doorstep.station.hours.HolidayPolicy;
import cn.doorstep.station.hours.HoursExceptionMapper;
import cn.doorstep.station.hours.HoursExceptionRow;
import cn.doorstep.station.hours.Schedule;
import cn.doorstep.station.internal.Station;
import cn.doorstep.station.internal.StationDetails;
import cn.doorstep.station.internal.StationMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other features may ask about stations. */
@Service
@Transactional(readOnly = true)
public class StationDirectory {

    private final StationMapper stations;
    private final HoursExceptionMapper exceptions;
    private final HolidayCalendar calendar;

    StationDirectory(StationMapper stations, HoursExceptionMapper exceptions, HolidayCalendar calendar) {
        this.stations = stations;
        this.exceptions = exceptions;
        this.calendar = calendar;
    }

    /**
     * One date as the station's holiday policy sees it: {@code weekday} is the ISO day (1..7) whose
     * weekly schedule applies (Sunday's on a public holiday, Monday's on a 调休 working day, unless the
     * station ignores the calendar); {@code closed} when a dated exception closes the station all day.
     */
    public record ScheduleDay(LocalDate date, int weekday, boolean closed) {
    }

    /** {@code days} dates from {@code from} (station local dates) for a schedule that follows this station. */
    public List<ScheduleDay> scheduleDays(long stationId, LocalDate from, int days) {
        Station station = stations.selectById(stationId);
        if (station == null || days <= 0) {
            return List.of();
        }
        HolidayPolicy policy = HolidayPolicy.valueOf(station.getHolidayPolicy());
        var dates = new ArrayList<LocalDate>(days);
        for (int i = 0; i < days; i++) {
            dates.add(from.plusDays(i));
        }
        var kinds = calendar.kindsOf(dates);
        Set<LocalDate> closed = exceptions.selectFrom(List.of(stationId), from).stream()
                .filter(e -> Boolean.TRUE.equals(e.getClosed())).map(HoursExceptionRow::getOnDate)
                .collect(Collectors.toSet());
        return dates.stream().map(d -> new ScheduleDay(d, Schedule.weekdayOf(d, policy, kinds::get), closed.contains(d)))
                .toList();
    }

    /** A station as other features need it; {@code lat}/{@code lng} are GCJ-02. */
    public record StationRef(long id, String name, long communityId, Set<StationKind> kinds, StationStatus status,
                             double lat, double lng) {

        /** Great-circle metres from this station to a point (used for a check, never stored). */
        public double distanceTo(double pointLat, double pointLng) {
            double dLat = Math.toRadians(pointLat - lat);
            double dLng = Math.toRadians(pointLng - lng);
            double a = Math.pow(Math.sin(dLat / 2), 2)
                    + Math.cos(Math.toRadians(lat)) * Math.cos(Math.toRadians(pointLat)) * Math.pow(Math.sin(dLng / 2), 2);
            return 2 * 6_371_000 * Math.asin(Math.sqrt(a));
        }
    }

    public Optional<StationRef> find(long id) {
        return Optional.ofNullable(stations.selectById(id)).filter(s -> !Station.DELETED.equals(s.getStatus()))
                .map(StationDirectory::ref);
    }

    /** Many stations at once, for a list: one statement. Deleted stations and ids without a row are left out. */
    public Map<Long, StationRef> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return stations.selectByIds(Set.copyOf(ids)).stream().filter(s -> !Station.DELETED.equals(s.getStatus()))
                .collect(Collectors.toMap(Station::getId, StationDirectory::ref));
    }

    /**
     * The communities of these stations that are still running (ACTIVE): staff of a closed or deleted
     * station act for nobody.
     */
    public Set<Long> activeCommunitiesOf(Collection<Long> stationIds) {
        if (stationIds.isEmpty()) {
            return Set.of();
        }
        return stations.selectBatchIds(stationIds).stream().filter(s -> Station.ACTIVE.equals(s.getStatus()))
                .map(Station::getCommunityId).collect(Collectors.toUnmodifiableSet());
    }

    /** Every station of these communities (closed and deleted ones too: their bookings stay on the books). */
    public Set<Long> idsIn(Collection<Long> communityIds) {
        return communityIds.isEmpty() ? Set.of() : Set.copyOf(stations.selectIdsInCommunities(communityIds));
    }

    /** Stations by id whatever their state, for lists of records made there (a deleted station keeps its name). */
    public Map<Long, StationRef> findAnyState(Collection<Long> ids) {
        return ids.isEmpty() ? Map.of() : stations.selectByIds(Set.copyOf(ids)).stream()
                .collect(Collectors.toMap(Station::getId, StationDirectory::ref));
    }

    static StationRef ref(Station s) {
        return new StationRef(s.getId(), s.getName(), s.getCommunityId(),
                Set.copyOf(StationDetails.enums(s.getKinds(), StationKind.class)),
                StationStatus.valueOf(s.getStatus()), s.getLat().doubleValue(), s.getLng().doubleValue());
    }
}
