package cn.doorstep.support;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A patch of map for one test, far (≥ 30 km) from every other test's patch, so that tests sharing
 * the index never see each other's stations.
 */
public final class TestPlaces {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final int COLUMNS = 80;

    private TestPlaces() {
    }

    public record Place(double lat, double lng) {
    }

    /** The next free patch: a grid over eastern China, 0.3° apart. */
    public static Place next() {
        int n = NEXT.getAndIncrement();
        return new Place(22.0 + 0.3 * (n / COLUMNS), 100.0 + 0.3 * (n % COLUMNS));
    }
}
