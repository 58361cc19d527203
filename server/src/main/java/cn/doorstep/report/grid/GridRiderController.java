package cn.doorstep.report.grid;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.report.grid.GridRequests.GridRiderRequest;
import cn.doorstep.report.grid.GridRiders.GridRiderView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Grid riders (流动网格员)",
        description = "Community admins pair verified riders with a grid; their reports go straight to it. See reports.md.")
@RestController
@RequestMapping("/api/v1/admin/grid-riders")
class GridRiderController {

    private final GridRiders gridRiders;

    GridRiderController(GridRiders gridRiders) {
        this.gridRiders = gridRiders;
    }

    @Operation(summary = "Pair a verified rider with a grid of your community as its 流动网格员 (admin)",
            description = "Community admins of the grid's community; pairing again moves them to the new grid. The "
                    + "rider is told (GRID_RIDER_PAIRED); audited. Refused: 400 10000 no such grid; 403 60006 not your "
                    + "community; 409 60011 paired with a grid of another community; 422 60009 not a verified rider.")
    @PostMapping
    ApiResponse<GridRiderView> pairGridRider(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                             @Valid @RequestBody GridRiderRequest request) {
        return ApiResponse.ok(gridRiders.pair(me, request));
    }

    @Operation(summary = "The 流动网格员 of your community's grids (admin)",
            description = "Community admins of communityId, by grid. Refused: 403 60006 not your community.")
    @GetMapping
    ApiResponse<PageResult<GridRiderView>> gridRiders(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                                      @RequestParam long communityId, @Valid @ParameterObject PageQuery page) {
        return ApiResponse.ok(gridRiders.list(me, communityId, page));
    }

    @Operation(summary = "End a rider's pairing (admin)",
            description = "Community admins of the community the rider is paired in; audited. Refused: 404 60010 not "
                    + "paired with a grid of your communities.")
    @DeleteMapping("/{userId}")
    ApiResponse<Void> unpairGridRider(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                      @PathVariable long userId) {
        gridRiders.unpair(me, userId);
        return ApiResponse.ok(null);
    }
}
