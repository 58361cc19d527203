package cn.doorstep.community;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.community.Regions.CommunityView;
import cn.doorstep.community.Regions.DistrictNode;
import cn.doorstep.community.Regions.GridView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Regions")
@RestController
@RequestMapping("/api/v1")
class CommunityController {

    private final CommunityService communities;

    CommunityController(CommunityService communities) {
        this.communities = communities;
    }

    @Operation(summary = "Districts, streets and communities, for the community picker")
    @SecurityRequirements
    @GetMapping("/regions")
    ApiResponse<List<DistrictNode>> regions() {
        return ApiResponse.ok(communities.regions());
    }

    @Operation(summary = "One community with its street and district")
    @SecurityRequirements
    @GetMapping("/communities/{id}")
    ApiResponse<CommunityView> community(@PathVariable long id) {
        return ApiResponse.ok(communities.get(id));
    }

    @Operation(summary = "The grids of a community, for the grid picker")
    @SecurityRequirements
    @GetMapping("/communities/{id}/grids")
    ApiResponse<List<GridView>> grids(@PathVariable long id) {
        return ApiResponse.ok(communities.grids(id));
    }
}
