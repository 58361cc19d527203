package cn.doorstep.station.map;

import cn.doorstep.station.Amenity;
import cn.doorstep.station.LiveStatus;
import cn.doorstep.station.StationDetail;
import cn.doorstep.station.hours.HolidayPolicy;
import cn.doorstep.station.hours.Schedule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changes a map item from one moment to the next, in a few dozen bytes per station (the
 * {@code station:facets} hash): the amenities as a bit mask (the filter), the opening schedule, and
 * the staff's live status. The map filters on these and computes each item's open flag, today's
 * hours and live label from the same decoded value, so the filter and the items never disagree.
 *
 * <p>Format: {@code F2|mask|policy|live|liveUpdatedMillis|day:open-close,...|epochDay:open-close or C,...|note}
 * (the note last: it may contain anything). A value in another format decodes to null and is
 * treated as missing.
 */
public record StationFacets(long amenityMask, Schedule schedule, LiveStatus live, Instant liveUpdatedAt,
                            String liveNote) {

    private static final String FORMAT = "F2|";
    private static final LiveStatus[] LIVE = LiveStatus.values();

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
        return new StationFacets(mask(detail.amenities()), detail.schedule(), detail.liveStatus(),
                detail.liveUpdatedAt(), detail.liveNote());
    }

    public String encode() {
        var sb = new StringBuilder(64).append(FORMAT);
        sb.append(amenityMask).append('|').append(schedule.policy() == HolidayPolicy.FOLLOW_CALENDAR ? 'F' : 'I')
                .append('|').append(live.ordinal())
                .append('|').append(liveUpdatedAt == null ? "" : liveUpdatedAt.toEpochMilli()).append('|');
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
        return sb.append('|').append(liveNote == null ? "" : liveNote).toString();
    }

    /** The facets in {@code encoded}, or null when it is not in this format (e.g. written by an older release). */
    public static StationFacets decode(String encoded) {
        if (encoded == null || !encoded.startsWith(FORMAT)) {
            return null;
        }
        String[] parts = encoded.substring(FORMAT.length()).split("\\|", 7);
        if (parts.length < 7) {
            return null;
        }
        long mask = Long.parseLong(parts[0]);
        HolidayPolicy policy = parts[1].equals("F") ? HolidayPolicy.FOLLOW_CALENDAR : HolidayPolicy.IGNORE_CALENDAR;
        LiveStatus live = LIVE[Integer.parseInt(parts[2])];
        Instant liveUpdatedAt = parts[3].isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(parts[3]));
        var weekly = new HashMap<Integer, List<int[]>>();
        if (!parts[4].isEmpty()) {
            for (String w : parts[4].split(",")) {
                int colon = w.indexOf(':');
                int dash = w.indexOf('-');
                weekly.computeIfAbsent(Integer.parseInt(w.substring(0, colon)), d -> new ArrayList<>(2))
                        .add(new int[] {Integer.parseInt(w.substring(colon + 1, dash)), Integer.parseInt(w.substring(dash + 1))});
            }
        }
        Map<LocalDate, List<int[]>> exceptions = Map.of();
        if (!parts[5].isEmpty()) {
            var dated = new HashMap<LocalDate, List<int[]>>();
            for (String e : parts[5].split(",")) {
                int colon = e.indexOf(':');
                LocalDate date = LocalDate.ofEpochDay(Long.parseLong(e.substring(0, colon)));
                String window = e.substring(colon + 1);
                if (window.equals("C")) {
                    dated.put(date, List.of());
                } else {
                    int dash = window.indexOf('-');
                    dated.put(date, List.of(new int[] {Integer.parseInt(window.substring(0, dash)),
                            Integer.parseInt(window.substring(dash + 1))}));
                }
            }
            exceptions = dated;
        }
        String note = parts[6].isEmpty() ? null : parts[6];
        var schedule = new Schedule(weekly, policy, exceptions, StationDetail.closedOn(live, liveUpdatedAt));
        return new StationFacets(mask, schedule, live, liveUpdatedAt, note);
    }
}
