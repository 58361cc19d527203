package cn.doorstep.coverage;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * The 15-minute service circle of one area at one moment (see coverage.md for every definition).
 *
 * @param grids                every grid of the scope, placed or not
 * @param gridsCovered         placed grids whose centroid lies within the radius of a service station open at {@code at}
 * @param gridsWithoutLocation grids not placed yet: counted in {@code grids}, never covered, listed in the gaps
 *                             with lat/lng null
 * @param households           the households of the scope's grids where known
 * @param householdsCovered    the known households of the covered grids
 * @param share                covered weight over all weight, a grid weighing its households, one whose count is
 *                             not known the mean of the known counts in the same area (each grid 1 when none is
 *                             known); null when the area has no grid
 */
public record Coverage(
        CoverageWhen when,
        Instant at,
        int radiusMeters,
        Scope scope,
        int grids,
        int gridsCovered,
        int gridsWithoutLocation,
        long households,
        long householdsCovered,
        @Schema(nullable = true, minimum = "0", maximum = "1") Double share,
        List<Area> areas,
        List<Gap> gaps,
        List<StationMark> stations) {

    public enum Level { COMMUNITY, STREET, DISTRICT, CITY }

    /** What was measured: a community, street, district, or the city (id 0, name 吉林市). */
    public record Scope(Level level, long id, String name) {
    }

    /** One area one level below the scope (the community itself for a community), measured the same way. */
    public record Area(Level level, long id, String name, int grids, int gridsCovered,
                       @Schema(nullable = true, minimum = "0", maximum = "1") Double share) {
    }

    /**
     * An uncovered grid. {@code lat}/{@code lng} null: the grid is not placed yet. {@code nearestOpenStationMeters}:
     * the straight-line metres to the nearest service station open at the moment, rounded; null when the grid
     * is not placed or no station is open anywhere.
     */
    public record Gap(long gridId, String name, long communityId, String communityName,
                      @Schema(nullable = true) Double lat, @Schema(nullable = true) Double lng,
                      @Schema(nullable = true) Integer households,
                      @Schema(nullable = true) Long nearestOpenStationMeters) {
    }

    /**
     * A service station on the coverage map: every active one in the scope's communities, open or not, and any
     * open one outside them that covers a grid of the scope.
     */
    public record StationMark(long id, String name, double lat, double lng, boolean open) {
    }
}
