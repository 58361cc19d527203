package cn.doorstep.community;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/**
 * A grid's or community's saved place: centroid (GCJ-02; both null when not placed) and households (null: not
 * known). {@code level} is GRID or COMMUNITY; {@code communityId} the grid's community, or the community itself.
 */
public record Location(
        @Schema(allowableValues = {"GRID", "COMMUNITY"}) String level,
        long id,
        String name,
        long communityId,
        @Schema(nullable = true) BigDecimal lat,
        @Schema(nullable = true) BigDecimal lng,
        @Schema(nullable = true) Integer households) {
}
