package cn.doorstep.wish.grid;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.wish.WishDetail;
import cn.doorstep.wish.grid.GridHeads.GridHeadRequest;
import cn.doorstep.wish.grid.GridHeads.GridHeadView;
import cn.doorstep.wish.grid.GridHeads.OnBehalfWishRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Grid heads (三长)",
        description = "Community admins appoint grid heads (网格长、楼栋长、单元长), who post wishes for residents without a "
                + "phone (敲门行动). See wishes.md.")
@RestController
class GridHeadController {

    private final GridHeads gridHeads;

    GridHeadController(GridHeads gridHeads) {
        this.gridHeads = gridHeads;
    }

    @Operation(summary = "The grid heads of your community's grids (admin)",
            description = "Community admins of communityId. Each grid head with their grid. Refused: 403 40012 not "
                    + "an admin of that community.")
    @GetMapping("/api/v1/admin/grid-heads")
    ApiResponse<PageResult<GridHeadView>> gridHeads(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                                    @RequestParam long communityId, @Valid @ParameterObject PageQuery page) {
        return ApiResponse.ok(gridHeads.list(me, communityId, page));
    }

    @Operation(summary = "Make a user a grid head (网格长、楼栋长、单元长) of a grid of your community (admin)",
            description = "Community admins of the community. Grants GRID_HEAD for one of its grids; audited. "
                    + "Refused: 400 13003 grid not in that community, 10000 no such user; 403 40012.")
    @PostMapping("/api/v1/admin/grid-heads")
    ApiResponse<GridHeadView> grantGridHead(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                    @Valid @RequestBody GridHeadRequest request) {
        return ApiResponse.ok(gridHeads.grant(me, request));
    }

    @Operation(summary = "Take the grid-head role of one grid away from a user (admin); data: whether they held it",
            description = "Community admins of the community; audited. Refused: 400 13003 grid not in that "
                    + "community; 403 40012.")
    @PostMapping("/api/v1/admin/grid-heads/revoke")
    ApiResponse<Boolean> revokeGridHead(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                @Valid @RequestBody GridHeadRequest request) {
        return ApiResponse.ok(gridHeads.revoke(me, request));
    }

    @Operation(summary = "敲门行动: post a wish for a resident of your grid who has no phone (grid head)",
            description = "Grid heads, for a grid they head (敲门行动). The resident's name and door are recorded, the "
                    + "grid head is the poster; checked and published like any wish, marked onBehalf. Refused: 403 "
                    + "40013 not a head of this grid; 422 40001 unsuitable words.")
    @PostMapping("/api/v1/grid/wishes")
    ApiResponse<WishDetail> postWishForResident(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                    @Valid @RequestBody OnBehalfWishRequest request) {
        return ApiResponse.ok(gridHeads.postFor(me, request));
    }
}
