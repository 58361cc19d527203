package cn.doorstep.community;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Region locations (admin)",
        description = "Where grids and communities lie (centroid, GCJ-02) and how many households they hold: the input "
                + "of the 15-minute service circle. See coverage.md.")
@RestController
@RequestMapping("/api/v1/admin")
class RegionLocationAdminController {

    private static final String WHO = " For the community's admins (its street's and district's admins too) and "
            + "platform admins; audited. Refused: 400 10000 a field missing or out of range (data.errors names it); "
            + "403 10300 not an admin; ";

    private final RegionLocations locations;

    RegionLocationAdminController(RegionLocations locations) {
        this.locations = locations;
    }

    @Operation(summary = "A grid's location and households",
            description = "Reads what was saved; lat/lng null when the grid is not placed, households null when not known."
                    + WHO + "404 13005 no such grid, or not yours.")
    @GetMapping("/grids/{id}/location")
    ApiResponse<Location> gridLocation(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                       @PathVariable long id) {
        return ApiResponse.ok(locations.grid(me, id));
    }

    @Operation(summary = "Set a grid's location and households",
            description = "Replaces the grid's centroid (GCJ-02, rounded to 7 decimals) and household count (null: not "
                    + "known)." + WHO + "404 13005 no such grid, or not yours.")
    @PutMapping("/grids/{id}/location")
    ApiResponse<Location> setGridLocation(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                          @PathVariable long id, @Valid @RequestBody LocationRequest request) {
        return ApiResponse.ok(locations.setGrid(me, id, request));
    }

    @Operation(summary = "A community's location and households",
            description = "Reads what was saved; lat/lng null when the community is not placed." + WHO
                    + "404 13001 no such community, or not yours.")
    @GetMapping("/communities/{id}/location")
    ApiResponse<Location> communityLocation(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                            @PathVariable long id) {
        return ApiResponse.ok(locations.community(me, id));
    }

    @Operation(summary = "Set a community's location and households",
            description = "Replaces the community's centroid (GCJ-02, rounded to 7 decimals) and household count (null: "
                    + "not known)." + WHO + "404 13001 no such community, or not yours.")
    @PutMapping("/communities/{id}/location")
    ApiResponse<Location> setCommunityLocation(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                               @PathVariable long id, @Valid @RequestBody LocationRequest request) {
        return ApiResponse.ok(locations.setCommunity(me, id, request));
    }
}
