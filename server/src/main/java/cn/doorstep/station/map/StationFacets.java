package cn.doorstep.station.map;

import cn.doorstep.station.hours.HolidayPolicy;
import cn.doorstep.station.hours.Schedule;
import cn.doorstep.station.Amenity;
import cn.doorstep.station.StationDetail;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the map search filters on, in a few dozen bytes per station (the {@code station:facets} hash):
 * the amenities as a bit mask and the opening schedule. The full detail is only read for the page
 * that is returned.
 *
 * <p>Format: {@code mask|policy|closedOnEpochDay|day:open-close,...|epochDay:open-close or C,...}.
 */
public record StationFacets(long amenityMask, Schedule schedule) {

    public static long mask(Set<Amenity> amenities) {
        long mask = 0;
        for (Amenity a : amenities) {
            mask |= 1L << a.ordinal();
        }
        return mask;
    }

    public boolean hasAll(long requiredMask) {
        return (amenityMask & requiredMask) == requiredMask;
    }

    public static StationFacets of(StationDetail detail) {
        return new StationFacets(mask(detail.amenities()), detail.schedule());
    }

    public String encode() {
        var sb = new StringBuilder();
        sb.append(amenityMask).append('|').append(schedule.policy() == HolidayPolicy.FOLLOW_CALENDAR ? 'F' : 'I')
                .append('|').append(schedule.closedOn() == null ? "" : schedule.closedOn().toEpochDay()).append('|');
        boolean first = true;
        for (var day : schedule.weekly().entrySet()) {
            for (int[] w : day.getValue()) {
                sb.append(first ? "" : ",").append(day.getKey()).append(':').append(w[0]).append('-').append(w[1]);
                first = false;
            }
        }
        sb.append('|');
        first = true;
        for (var dated : schedule.exceptions().entrySet()) {
            sb.append(first ? "" : ",").append(dated.getKey().toEpochDay()).append(':');
            if (dated.getValue().isEmpty()) {
                sb.append('C');
            } else {
                sb.append(dated.getValue().get(0)[0]).append('-').append(dated.getValue().get(0)[1]);
            }
            first = false;
        }
        return sb.toString();
    }

    public static StationFacets decode(String encoded) {
        String[] parts = encoded.split("\\|", -1);
        long mask = Long.parseLong(parts[0]);
        HolidayPolicy policy = parts[1].equals("F") ? HolidayPolicy.FOLLOW_CALENDAR : HolidayPolicy.IGNORE_CALENDAR;
        LocalDate closedOn = parts[2].isEmpty() ? null : LocalDate.ofEpochDay(Long.parseLong(parts[2]));
        var weekly = new HashMap<Integer, List<int[]>>();
        if (!parts[3].isEmpty()) {
            for (String w : parts[3].split(",")) {
                int colon = w.indexOf(':');
                int dash = w.indexOf('-');
                weekly.computeIfAbsent(Integer.parseInt(w.substring(0, colon)), d -> new ArrayList<>())
                        .add(new int[] {Integer.parseInt(w.substring(colon + 1, dash)), Integer.parseInt(w.substring(dash + 1))});
            }
        }
        var exceptions = new HashMap<LocalDate, List<int[]>>();
        if (!parts[4].isEmpty()) {
            for (String e : parts[4].split(",")) {
                int colon = e.indexOf(':');
                LocalDate date = LocalDate.ofEpochDay(Long.parseLong(e.substring(0, colon)));
                String window = e.substring(colon + 1);
                if (window.equals("C")) {
                    exceptions.put(date, List.of());
                } else {
                    int dash = window.indexOf('-');
                    exceptions.put(date, List.of(new int[] {Integer.parseInt(window.substring(0, dash)),
                            Integer.parseInt(window.substring(dash + 1))}));
                }
            }
        }
        return new StationFacets(mask, new Schedule(Map.copyOf(weekly), policy, Map.copyOf(exceptions), closedOn));
    }
}
