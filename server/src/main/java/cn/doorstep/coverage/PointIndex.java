package cn.doorstep.coverage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Points in cells of 0.01° (about 1.1 km north–south), for the nearest one to a place without measuring to every
 * point: the gaps' nearest open station, and the whole search while the map's GEO index is being rebuilt.
 * Distances are great-circle metres on Redis's sphere, so they agree with the GEO index's.
 */
final class PointIndex {

    /** Redis's earth radius (geohash.c). */
    static final double EARTH_RADIUS_M = 6372797.560856;
    private static final double CELL = 0.01;
    /**
     * The least width of a cell in metres anywhere south of 60°N (China lies below 54°N): a point r rings away
     * is at least r × this far.
     */
    private static final double MIN_CELL_METERS = Math.toRadians(CELL) * EARTH_RADIUS_M * Math.cos(Math.toRadians(60));

    private final double[] lats;
    private final double[] lngs;
    private final Map<Long, List<Integer>> cells = new HashMap<>();
    private int minX = Integer.MAX_VALUE;
    private int maxX = Integer.MIN_VALUE;
    private int minY = Integer.MAX_VALUE;
    private int maxY = Integer.MIN_VALUE;

    PointIndex(double[] lats, double[] lngs) {
        this.lats = lats;
        this.lngs = lngs;
        for (int i = 0; i < lats.length; i++) {
            int x = cell(lngs[i]);
            int y = cell(lats[i]);
            cells.computeIfAbsent(key(x, y), k -> new ArrayList<>()).add(i);
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
        }
    }

    /** The nearest point and its distance, or null when none lies within {@code maxMeters}. */
    Found nearest(double lat, double lng, double maxMeters) {
        if (lats.length == 0) {
            return null;
        }
        int cx = cell(lng);
        int cy = cell(lat);
        int lastRing = Math.max(Math.max(Math.abs(cx - minX), Math.abs(cx - maxX)),
                Math.max(Math.abs(cy - minY), Math.abs(cy - maxY)));
        int best = -1;
        double bestMeters = Double.MAX_VALUE;
        for (int r = 0; r <= lastRing; r++) {
            double unseen = (r - 1) * MIN_CELL_METERS; // no point outside the rings so far lies nearer than this
            if (unseen > maxMeters || (best >= 0 && unseen >= bestMeters)) {
                break;
            }
            for (int x = cx - r; x <= cx + r; x++) {
                for (int y = cy - r; y <= cy + r; y++) {
                    if (Math.max(Math.abs(x - cx), Math.abs(y - cy)) != r) {
                        continue; // inner rings were searched already
                    }
                    List<Integer> in = cells.get(key(x, y));
                    if (in == null) {
                        continue;
                    }
                    for (int i : in) {
                        double d = meters(lat, lng, lats[i], lngs[i]);
                        if (d < bestMeters || (d == bestMeters && i < best)) {
                            best = i;
                            bestMeters = d;
                        }
                    }
                }
            }
        }
        return best >= 0 && bestMeters <= maxMeters ? new Found(best, bestMeters) : null;
    }

    record Found(int index, double meters) {
    }

    static double meters(double lat1, double lng1, double lat2, double lng2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLng = Math.toRadians(lng2 - lng1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLng / 2), 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(a));
    }

    private static int cell(double degrees) {
        return (int) Math.floor(degrees / CELL);
    }

    private static long key(int x, int y) {
        return ((long) x << 32) ^ (y & 0xffffffffL);
    }
}
