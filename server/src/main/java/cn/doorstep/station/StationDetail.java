package cn.doorstep.station;

import cn.doorstep.station.hours.HolidayPolicy;
import cn.doorstep.station.hours.HoursException;
import cn.doorstep.station.hours.Schedule;
import cn.doorstep.station.hours.TimeOfDay;
import cn.doorstep.station.hours.WeeklyRule;
import cn.doorstep.common.Zones;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A station as residents and riders see it (cached in Redis as {@code station:{id}}). Holds no
 * secret: the check-in code is only for the station's staff.
 *
 * @param exceptions dated hour changes from yesterday on
 * @param version    the row's version: it changes with every change of the station
 */
public record StationDetail(
        long id,
        String name,
        Set<StationKind> kinds,
        ServiceLevel serviceLevel,
        long communityId,
        String address,
        double lat,
        double lng,
        String phone,
        String intro,
        List<String> photos,
        Set<Amenity> amenities,
        Audience audience,
        List<WeeklyRule> weeklyHours,
        HolidayPolicy holidayPolicy,
        List<HoursException> exceptions,
        LiveStatus liveStatus,
        String liveNote,
        Instant liveUpdatedAt,
        StationStatus status,
        long version) {

    public StationDetail {
        // enum order, whatever set arrived (a cached copy comes back as a HashSet)
        var orderedKinds = EnumSet.noneOf(StationKind.class);
        orderedKinds.addAll(kinds);
        kinds = Collections.unmodifiableSet(orderedKinds);
        var orderedAmenities = EnumSet.noneOf(Amenity.class);
        orderedAmenities.addAll(amenities);
        amenities = Collections.unmodifiableSet(orderedAmenities);
    }

    /** The opening rules in evaluable form. */
    public Schedule schedule() {
        var weekly = new HashMap<Integer, List<int[]>>();
        for (WeeklyRule rule : weeklyHours) {
            weekly.computeIfAbsent(rule.day(), d -> new java.util.ArrayList<>())
                    .add(new int[] {TimeOfDay.minutes(rule.opens()), TimeOfDay.minutes(rule.closes())});
        }
        var dated = new HashMap<LocalDate, List<int[]>>();
        for (HoursException e : exceptions) {
            dated.put(e.date(), e.closed() ? List.of()
                    : List.of(new int[] {TimeOfDay.minutes(e.opens()), TimeOfDay.minutes(e.closes())}));
        }
        return new Schedule(Map.copyOf(weekly), holidayPolicy, Map.copyOf(dated), closedOn(liveStatus, liveUpdatedAt));
    }

    /** The China-time date a CLOSED_TODAY was set on, or null. */
    public static LocalDate closedOn(LiveStatus status, Instant updatedAt) {
        return status == LiveStatus.CLOSED_TODAY && updatedAt != null
                ? updatedAt.atZone(Zones.CHINA).toLocalDate() : null;
    }

    /** This station as shown at a moment: a lapsed CLOSED_TODAY (and its note) no longer shows. */
    public StationDetail seenAt(Schedule.Now now) {
        if (liveStatus.shown(now.closedByStaff()) == liveStatus) {
            return this;
        }
        return new StationDetail(id, name, kinds, serviceLevel, communityId, address, lat, lng, phone, intro, photos,
                amenities, audience, weeklyHours, holidayPolicy, exceptions, LiveStatus.OPEN, null, liveUpdatedAt,
                status, version);
    }
}
