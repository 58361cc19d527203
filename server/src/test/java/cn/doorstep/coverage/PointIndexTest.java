package cn.doorstep.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The cell index finds what a scan over every point finds. */
class PointIndexTest {

    static final double EARTH = 6372797.560856;

    static double haversine(double lat1, double lng1, double lat2, double lng2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLng = Math.toRadians(lng2 - lng1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLng / 2), 2);
        return 2 * EARTH * Math.asin(Math.sqrt(a));
    }

    @Test
    void findsTheSameNearestPointAsAScanOverAllOfThem() {
        var random = new Random(797);
        int n = 800;
        double[] lats = new double[n];
        double[] lngs = new double[n];
        for (int i = 0; i < n; i++) {
            lats[i] = 43.74 + random.nextDouble() * 0.25;
            lngs[i] = 126.47 + random.nextDouble() * 0.19;
        }
        var index = new PointIndex(lats, lngs);
        for (int q = 0; q < 2000; q++) {
            double lat = 43.60 + random.nextDouble() * 0.55;
            double lng = 126.30 + random.nextDouble() * 0.55;
            double best = Double.MAX_VALUE;
            for (int i = 0; i < n; i++) {
                best = Math.min(best, haversine(lat, lng, lats[i], lngs[i]));
            }
            PointIndex.Found any = index.nearest(lat, lng, Double.MAX_VALUE);
            assertThat(any.meters()).isCloseTo(best, within(1e-6));
            PointIndex.Found near = index.nearest(lat, lng, 1000);
            if (best <= 1000) {
                assertThat(near.meters()).isCloseTo(best, within(1e-6));
            } else {
                assertThat(near).isNull();
            }
        }
        assertThat(new PointIndex(new double[0], new double[0]).nearest(43.8, 126.5, Double.MAX_VALUE)).isNull();
    }
}
