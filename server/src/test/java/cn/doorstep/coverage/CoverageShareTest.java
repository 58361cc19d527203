package cn.doorstep.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.doorstep.community.Regions.GridPlace;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The share weighs households as coverage.md says, mixed known and unknown counts included. */
class CoverageShareTest {

    private static GridPlace grid(Integer households) {
        return new GridPlace(1, "g", 1, 43.8, 126.5, households);
    }

    @Test
    void aGridWeighsItsHouseholds() {
        var grids = List.of(grid(100), grid(300), grid(600));
        var tally = Coverages.tally(List.of(0, 1, 2), grids, new boolean[] {true, false, true});
        assertThat(tally.share()).isCloseTo(700.0 / 1000, within(1e-12));
        assertThat(tally.households()).isEqualTo(1000);
        assertThat(tally.householdsCovered()).isEqualTo(700);
        assertThat(tally.covered()).isEqualTo(2);
    }

    @Test
    void aGridOfUnknownHouseholdsWeighsTheMeanOfTheKnownOnes() {
        var grids = List.of(grid(100), grid(300), grid(null));
        var tally = Coverages.tally(List.of(0, 1, 2), grids, new boolean[] {false, false, true});
        assertThat(tally.share()).isCloseTo(200.0 / 600, within(1e-12)); // the unknown grid weighs (100 + 300) / 2
        assertThat(tally.households()).isEqualTo(400);
        assertThat(tally.householdsCovered()).isZero();
    }

    @Test
    void withNoHouseholdsKnownEveryGridWeighsOne() {
        var grids = List.of(grid(null), grid(null), grid(null), grid(null));
        var tally = Coverages.tally(List.of(0, 1, 2, 3), grids, new boolean[] {true, false, false, false});
        assertThat(tally.share()).isEqualTo(0.25);
        assertThat(Coverages.tally(List.of(), grids, new boolean[4]).share()).isNull();
    }

    @Test
    void anUnplacedGridCountsSeparatelyAndIsNeverCovered() {
        var grids = List.of(grid(100), new GridPlace(2, "g", 1, null, null, 100));
        var tally = Coverages.tally(List.of(0, 1), grids, new boolean[] {true, false});
        assertThat(tally.unlocated()).isEqualTo(1);
        assertThat(tally.share()).isEqualTo(0.5);
    }
}
