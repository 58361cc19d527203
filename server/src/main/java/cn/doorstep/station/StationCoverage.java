package cn.doorstep.station;

import cn.doorstep.common.Zones;
import cn.doorstep.station.hours.DayKind;
import cn.doorstep.station.hours.HolidayCalendar;
import cn.doorstep.station.internal.Station;
import cn.doorstep.station.internal.StationDetails;
import cn.doorstep.station.internal.StationMapper;
import cn.doorstep.station.map.StationIndex;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the 15-minute service circle (the coverage module) asks of stations: which service stations are open at a
 * moment, which lie within walking distance of many points at once (the map's GEO index), and the next public
 * holiday. Service stations only (kind SERVICE, alone or with WARM): a warm station for riders is no 便民服务站.
 */
@Service
@Transactional(readOnly = true)
public class StationCoverage {

    /** Rows read per statement when walking the active stations. */
    private static final int BATCH = 2000;

    private final StationMapper stations;
    private final StationDetails details;
    private final StationIndex index;
    private final HolidayCalendar calendar;

    StationCoverage(StationMapper stations, StationDetails details, StationIndex index, HolidayCalendar calendar) {
        this.stations = stations;
        this.details = details;
        this.index = index;
        this.calendar = calendar;
    }

    /** An active service station and whether it is open at the moment asked (GCJ-02 coordinates). */
    public record StationState(long id, String name, long communityId, double lat, double lng, boolean open) {
    }

    /** A station found near a point, with its distance in metres. */
    public record Near(long stationId, double meters) {
    }

    /**
     * Every active service station with whether it is open at {@code at}, in id order, from MySQL (the record):
     * weekly hours, the holiday calendar (a public holiday keeps Sunday's hours, a 调休 day Monday's, unless the
     * station ignores the calendar), dated exceptions and a staff "closed today" of that date, all judged in the
     * station's local time (China).
     */
    public List<StationState> serviceStationsAt(Instant at) {
        LocalDateTime local = LocalDateTime.ofInstant(at, Zones.CHINA);
        LocalDate day = local.toLocalDate();
        Map<LocalDate, DayKind> kinds = calendar.kindsOf(List.of(day, day.minusDays(1)));
        Function<LocalDate, DayKind> days = kinds::get;
        var out = new ArrayList<StationState>();
        long lastId = 0;
        List<Station> batch;
        while (!(batch = stations.selectActiveAfter(lastId, BATCH)).isEmpty()) {
            for (StationDetail d : details.toDetails(batch).values()) {
                if (d.kinds().contains(StationKind.SERVICE)) {
                    out.add(new StationState(d.id(), d.name(), d.communityId(), d.lat(), d.lng(),
                            d.schedule().openAt(local, days)));
                }
            }
            lastId = batch.get(batch.size() - 1).getId();
        }
        return out;
    }

    /**
     * For each point, the active service stations within its radius (metres), nearest first, from the map's GEO
     * index in pipelined GEOSEARCHes; empty when the index is not ready (it is then rebuilt in the background):
     * the caller judges the distances itself from {@link #serviceStationsAt}, read from MySQL, as the map falls
     * back to MySQL.
     */
    public Optional<List<List<Near>>> withinEach(double[] lats, double[] lngs, double[] radii) {
        List<List<StationIndex.GeoHit>> found = index.withinEach(StationKind.SERVICE, lats, lngs, radii);
        if (found == null) {
            return Optional.empty();
        }
        return Optional.of(found.stream().map(hits -> hits.stream().map(h -> new Near(h.id(), h.distance())).toList())
                .toList());
    }

    /** The first public holiday on or after {@code from} (a China date) the holiday calendar knows. */
    public Optional<LocalDate> firstPublicHolidayFrom(LocalDate from) {
        return calendar.firstHolidayFrom(from).map(HolidayCalendar.CalendarDay::date);
    }
}
